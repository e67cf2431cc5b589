using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Compliance;

public sealed record IssuedCertificate(long Id, string Token);

/// <summary>What the public verification page shows: the certificate's masked facts and whether it still holds.</summary>
public sealed record CertificateCheck(
    bool Found, bool Valid, string PersonName, string MaskedIdNumber, int Year, decimal PublicHours, decimal ProfessionalHours,
    decimal ElectiveHours, decimal TotalHours, int Required, bool Met, string IssuerName, DateTime IssuedAt)
{
    public const string ValidLabel = "有效";
    public const string InvalidLabel = "已失效";
    public const string NotFoundLabel = "不存在";
    public string Outcome => !Found ? NotFoundLabel : Valid ? ValidLabel : InvalidLabel;
    public static CertificateCheck NotFound { get; } = new(false, false, "", "", 0, 0, 0, 0, 0, 0, false, "", default);
}

/// <summary>
/// 学时证明: an authority (or the HRSS department) issues one from a person-year it may see; the PDF is
/// printed from what was stored. Verification is public (no sign-in): see <see cref="VerifyAsync"/>.
/// </summary>
public sealed class CertificateService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, CertificatePdf pdf)
{
    /// <summary>Issues the certificate of the person-year of a record in the caller's scope, over the records the caller sees.</summary>
    public async Task<IssuedCertificate> IssueAsync(long recordId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var detail = await ComplianceService.LoadDetailAsync(db, scope, recordId, ct);
        var ids = detail.Records.Where(r => r.Counts).Select(r => r.Id).Order().ToList();
        if (ids.Count == 0) throw new DomainException("该人员本年度没有合格的继续教育记录，不能出具学时证明");
        var records = await db.CeRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var anchor = records.First();
        var t = detail.Totals;
        var certificate = new Certificate
        {
            Token = Certificate.NewToken(), Year = detail.Year, PersonName = detail.PersonName, MaskedIdNumber = detail.MaskedIdNumber,
            RegionCode = anchor.RegionCode, SeriesId = anchor.SeriesId, RecordIds = string.Join(',', ids), ContentHash = Certificate.HashOf(records),
            PublicHours = t.Public, ProfessionalHours = t.Professional, ElectiveHours = t.Elective, Required = t.Required, Met = t.Met,
            Missing = t.Missing, IssuerUnitId = scope.UnitId, IssuerName = scope.UnitName, IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return new IssuedCertificate(certificate.Id, certificate.Token);
    }

    /// <summary>The PDF of an issued certificate (its QR code points at <paramref name="verifyBaseUrl"/>verify/{token}).</summary>
    public async Task<byte[]> PdfAsync(long certificateId, string verifyBaseUrl, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, ct)
            ?? throw new DomainException("该学时证明不存在");
        scope.EnsureCovers(certificate);
        var ids = certificate.RecordIdList;
        var records = await db.CeRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToListAsync(ct);
        return pdf.Render(certificate, records.Select(ComplianceDetail.RowOf).ToList(), VerifyUrl(verifyBaseUrl, certificate.Token));
    }

    public static string VerifyUrl(string baseUrl, string token) => baseUrl.TrimEnd('/') + "/verify/" + token;

    /// <summary>
    /// The public check behind the QR code: the stored facts, and 有效 only while every record behind them
    /// still exists with the facts it had. Each check is written down (and so audited), found or not.
    /// </summary>
    public async Task<CertificateCheck> VerifyAsync(string token, string? clientAddress, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var certificate = token.Length is > 0 and <= 64
            ? await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Token == token, ct)
            : null;
        CertificateCheck check;
        if (certificate is null) check = CertificateCheck.NotFound;
        else
        {
            var ids = certificate.RecordIdList;
            var records = await db.CeRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
            var valid = records.Count == ids.Count && Certificate.HashOf(records) == certificate.ContentHash;
            check = new CertificateCheck(true, valid, certificate.PersonName, certificate.MaskedIdNumber, certificate.Year,
                certificate.PublicHours, certificate.ProfessionalHours, certificate.ElectiveHours, certificate.TotalHours, certificate.Required,
                certificate.Met, certificate.IssuerName, certificate.IssuedAt);
        }
        db.CertificateVerifications.Add(new CertificateVerification
        {
            CertificateId = certificate?.Id, At = clock.GetUtcNow().UtcDateTime, Outcome = check.Outcome, ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(ct);
        return check;
    }
}
