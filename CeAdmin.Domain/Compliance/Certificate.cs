using System.Security.Cryptography;
using System.Text;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Compliance;

/// <summary>
/// 学时证明: what an authority certified for one person-year, as it was printed. The token in its QR
/// code is random (256 bits), so a link cannot be guessed from another; the content hash of the records
/// behind it tells later whether any of them changed (then the certificate is 已失效).
/// </summary>
public sealed class Certificate : IScoped
{
    public long Id { get; set; }
    public string Token { get; set; } = "";
    public int Year { get; set; }
    public string PersonName { get; set; } = "";
    public string MaskedIdNumber { get; set; } = "";
    /// <summary>所属地区 and 专业系列 of the record it was issued from: who may print it again.</summary>
    public string RegionCode { get; set; } = "";
    public int SeriesId { get; set; }
    /// <summary>The ids of the records behind the totals, comma-separated in id order.</summary>
    public string RecordIds { get; set; } = "";
    /// <summary>SHA-256 (hex) of the records' certified facts at issue time.</summary>
    public string ContentHash { get; set; } = "";
    public decimal PublicHours { get; set; }
    public decimal ProfessionalHours { get; set; }
    public decimal ElectiveHours { get; set; }
    public int Required { get; set; }
    public bool Met { get; set; }
    public string Missing { get; set; } = "";
    public int IssuerUnitId { get; set; }
    public string IssuerName { get; set; } = "";
    public DateTime IssuedAt { get; set; }

    public decimal TotalHours => PublicHours + ProfessionalHours + ElectiveHours;

    public IReadOnlyList<long> RecordIdList => RecordIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The facts a certificate vouches for, one line per record in id order; any change to one changes the hash.</summary>
    public static string HashOf(IEnumerable<CeRecord> records)
    {
        var text = new StringBuilder();
        foreach (var r in records.OrderBy(r => r.Id))
        {
            text.Append(r.Id).Append('|').Append(r.IdNumber).Append('|').Append(r.PersonName).Append('|').Append(r.Year).Append('|')
                .Append(r.SubjectType).Append('|').Append(r.Hours.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)).Append('|')
                .Append(r.Result).Append('|').Append(r.CourseName).Append('|').Append(r.StartDate.ToString("O")).Append('|')
                .Append(r.EndDate.ToString("O")).Append('|').Append(r.SeriesId).Append('|').Append(r.InstitutionName).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One opening of the public verification page: its insert is what the audit trail records.</summary>
public sealed class CertificateVerification
{
    public long Id { get; set; }
    public long? CertificateId { get; set; }
    public DateTime At { get; set; }
    /// <summary>有效 / 已失效 / 不存在.</summary>
    public string Outcome { get; set; } = "";
    public string? ClientAddress { get; set; }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(x => x.Token).HasMaxLength(64);
        b.HasIndex(x => x.Token).IsUnique();
        b.Property(x => x.PersonName).HasMaxLength(50);
        b.Property(x => x.MaskedIdNumber).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.RecordIds).HasMaxLength(4000);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.PublicHours).HasPrecision(8, 1);
        b.Property(x => x.ProfessionalHours).HasPrecision(8, 1);
        b.Property(x => x.ElectiveHours).HasPrecision(8, 1);
        b.Property(x => x.Missing).HasMaxLength(200);
        b.Property(x => x.IssuerName).HasMaxLength(100);
        b.Ignore(x => x.TotalHours);
        b.Ignore(x => x.RecordIdList);
    }
}

public sealed class CertificateVerificationConfiguration : IEntityTypeConfiguration<CertificateVerification>
{
    public void Configure(EntityTypeBuilder<CertificateVerification> b)
    {
        b.Property(x => x.Outcome).HasMaxLength(10);
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.HasIndex(x => x.CertificateId);
    }
}
