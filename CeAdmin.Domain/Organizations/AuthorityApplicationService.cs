using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>The caller's role application as the 1.2.1 page shows it; <see cref="CaseId"/> is null before the first 保存.</summary>
public sealed record AuthorityApplicationView(
    int? AuthorityId,
    int? CaseId,
    ReviewStatus Status,
    string? ReviewingUnitName,
    string? LastOpinion,
    AuthorityApplicationForm Form)
{
    public bool IsEditable => Status is ReviewStatus.Draft or ReviewStatus.Returned;
}

/// <summary>A parent authority the application may be sent to.</summary>
public sealed record ParentAuthorityOption(int Id, string Name, string RegionName);

/// <summary>
/// 行业部门（行业组织）角色申请 (1.2.1), the applicant's side: the operator of an Authority-kind unit fills
/// in the profile, uploads the 统一社会信用代码证 and submits it to the HRSS department (province level)
/// or to the approved parent authority it chose (city and county level). Approval happens in
/// <see cref="ReviewService"/>; <see cref="AuthorityReviewHandler"/> then grants the role.
/// </summary>
public sealed class AuthorityApplicationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    private readonly AuthorityApplicationFormValidator _validator = new();

    /// <summary>The caller's application, or a new one prefilled from the unit account and the operator.</summary>
    public async Task<AuthorityApplicationView> GetMineAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority);
        await using var db = dbFactory.CreateDbContext();
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.UnitAccountId == actor.UnitId, ct);
        if (authority is not null)
        {
            var application = await db.ReviewCases.AsNoTracking().Of(ReviewKind.AuthorityApplication, authority.Id).SingleAsync(ct);
            return new AuthorityApplicationView(authority.Id, application.Id, application.Status, application.ReviewingUnitName,
                application.LastOpinion, AuthorityApplicationForm.From(authority));
        }

        var unit = await db.UnitAccounts.AsNoTracking().SingleAsync(u => u.Id == actor.UnitId, ct);
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == actor.UserId)
            .Select(u => new { u.RealName, u.PhoneNumber })
            .SingleOrDefaultAsync(ct);
        var level = Region.LevelOf(unit.RegionCode) switch
        {
            RegionLevel.Province => AffiliationLevel.Province,
            RegionLevel.City => AffiliationLevel.City,
            _ => AffiliationLevel.County,
        };
        var form = new AuthorityApplicationForm
        {
            Name = unit.Name,
            CodeType = unit.CodeType,
            Code = unit.Code,
            Level = level,
            CityCode = level == AffiliationLevel.Province ? null : Region.CityOf(unit.RegionCode),
            CountyCode = level == AffiliationLevel.County ? unit.RegionCode : null,
            ContactName = person?.RealName ?? "",
            Mobile = person?.PhoneNumber ?? "",
        };
        return new AuthorityApplicationView(null, null, ReviewStatus.Draft, null, null, form);
    }

    /// <summary>
    /// The parent authorities a city or county application in this region and series may choose;
    /// empty for a province-level one (it goes to the HRSS department) or when the parent level has
    /// not registered yet (show <see cref="AuthorityApplication.NoParentMessage"/>).
    /// </summary>
    public async Task<IReadOnlyList<ParentAuthorityOption>> ParentOptionsAsync(AffiliationLevel? level, string? regionCode, int? seriesId, CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync(UnitKind.Authority);
        if (level is not (AffiliationLevel.City or AffiliationLevel.County) || regionCode is null || seriesId is null) return [];

        await using var db = dbFactory.CreateDbContext();
        var parents = await db.Authorities.AsNoTracking()
            .ParentCandidates(level.Value, regionCode, seriesId.Value)
            .OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.RegionCode })
            .ToListAsync(ct);
        return parents.Select(p => new ParentAuthorityOption(p.Id, p.Name, ReferenceCatalog.RegionName(p.RegionCode))).ToList();
    }

    /// <summary>保存: creates or updates the draft (or returned) application and routes it to its reviewer; returns the authority's id.</summary>
    public async Task<int> SaveAsync(AuthorityApplicationForm form, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority);
        await _validator.EnsureValidAsync(form, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await dbFactory.InTransactionAsync(async (db, ct) =>
        {
            var route = await RouteAsync(db, form, ct);
            var authority = await db.Authorities.SingleOrDefaultAsync(a => a.UnitAccountId == actor.UnitId, ct);
            if (authority is null)
            {
                authority = new Authority { UnitAccountId = actor.UnitId, CreatedAt = now };
                authority.Update(form);
                await db.AddWithCaseAsync(authority, a => ReviewCase.Open(ReviewKind.AuthorityApplication, a.Id, ChinaTime.Today(clock).Year, actor.UnitId,
                    a.Name, route.UnitId, route.UnitName, route.Step, now), ct);
                return authority.Id;
            }

            var application = await db.ReviewCases.Include(c => c.History).Of(ReviewKind.AuthorityApplication, authority.Id).SingleAsync(ct);
            application.EnsureEditable();
            authority.Update(form);
            Reroute(application, authority.Name, route);
            await SaveApplicationAsync(db, ct);
            return authority.Id;
        }, ct);
    }

    /// <summary>送审: the saved application, with its 统一社会信用代码证 uploaded, goes to its reviewer; no more edits until it is returned.</summary>
    public async Task SubmitAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority);
        await using var db = dbFactory.CreateDbContext();
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.UnitAccountId == actor.UnitId, ct)
            ?? throw new DomainException(AuthorityApplication.NotAppliedMessage);
        var application = await db.ReviewCases.Include(c => c.History).Of(ReviewKind.AuthorityApplication, authority.Id).SingleAsync(ct);
        application.EnsureEditable();

        var hasMaterial = await db.Attachments.AnyAsync(
            a => a.OwnerType == AuthorityApplication.AttachmentOwnerType && a.OwnerId == authority.Id && a.Category == AuthorityApplication.RequiredMaterial, ct);
        if (!hasMaterial) throw new DomainException(AuthorityApplication.MissingMaterialMessage);

        // The chosen parent may have lost its role since 保存: route again from what is stored.
        var form = AuthorityApplicationForm.From(authority);
        await _validator.EnsureValidAsync(form, ct);
        Reroute(application, authority.Name, await RouteAsync(db, form, ct));

        application.Submit(actor, clock.GetUtcNow().UtcDateTime, AuthorityApplication.SubmitStep);
        await SaveApplicationAsync(db, ct);
    }

    private static void Reroute(ReviewCase application, string applicantName, Route route)
    {
        if (application.ReviewingUnitId != route.UnitId || application.Step != route.Step) application.Reroute(route.UnitId, route.UnitName, route.Step);
        if (application.ApplicantName != applicantName) application.RenameApplicant(applicantName);
    }

    /// <summary>Province level → the HRSS department; city and county → the chosen parent, if it is still a valid one.</summary>
    private static async Task<Route> RouteAsync(AppDbContext db, AuthorityApplicationForm form, CancellationToken ct)
    {
        var level = form.Level!.Value;
        if (level == AffiliationLevel.Province)
        {
            var hrss = await db.UnitAccounts.AsNoTracking()
                .Where(u => u.Kind == UnitKind.Hrss)
                .OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Name })
                .FirstOrDefaultAsync(ct)
                ?? throw new DomainException("人社业务主管部门尚未在本系统注册，暂不能送审省级行业主管角色申请");
            return new Route(hrss.Id, hrss.Name, AuthorityApplication.ProvinceReviewStep);
        }

        var candidates = db.Authorities.AsNoTracking().ParentCandidates(level, form.RegionCode!, form.SeriesId!.Value);
        var parent = await candidates
            .Where(a => a.Id == form.ParentAuthorityId)
            .Select(a => new { a.UnitAccountId, a.Name })
            .SingleOrDefaultAsync(ct);
        if (parent is not null) return new Route(parent.UnitAccountId, parent.Name, AuthorityApplication.ReviewStep);

        var message = await candidates.AnyAsync(ct) ? "所选上一级行业主管部门不可用，请重新选择" : AuthorityApplication.NoParentMessage;
        throw new ValidationFailedException(nameof(form.ParentAuthorityId), message);
    }

    private static async Task SaveApplicationAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("该申请已在别处被修改，请刷新后重试");
        }
    }

    private sealed record Route(int UnitId, string UnitName, string Step);
}
