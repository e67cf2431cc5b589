using System.Security.Claims;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.App.Features.Plans;

/// <summary>
/// The plan pages' addresses and titles. One filing list serves two names of the manual: an authority's
/// 专业课计划备案 (1.4.2) and the 专业课计划申报 of institutions and employers.
/// </summary>
public static class PlanPaths
{
    public const string Filing = "plans";
    public const string NewPlan = "plans/new";
    public const string Reviews = "plan-reviews";
    public const string Query = "plan-query";

    public const string FormTitle = "专业课计划填写";
    public const string ReviewsTitle = "专业课计划审核";
    public const string QueryTitle = "专业课计划查询";
    public const string ClassQueryTitle = "施教机构培训班查询";

    public static string Plan(int planId) => $"{Filing}/{planId}";

    public static string Review(int caseId) => $"{Reviews}/{caseId}";

    public static string QueryDetail(int planId) => $"{Query}/{planId}";

    public static string FilingTitle(ClaimsPrincipal user) => FilingTitle(user.IsInRole(nameof(UnitKind.Authority)));

    public static string FilingTitle(bool authority) => authority ? "专业课计划备案" : "专业课计划申报";

    /// <summary>[修改] while the filer may still change the plan, [查看] afterwards.</summary>
    public static string FilingAction(ReviewStatus status) => status is ReviewStatus.Draft or ReviewStatus.Returned ? "[修改]" : "[查看]";
}
