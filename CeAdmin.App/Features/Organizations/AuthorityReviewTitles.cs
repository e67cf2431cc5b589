using System.Security.Claims;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.App.Features.Organizations;

/// <summary>
/// One review grid and detail serve two reviewers of 行业主管角色申请: an authority reviewing its
/// subordinates (1.5.1) and the HRSS department reviewing province-level applications.
/// </summary>
public static class AuthorityReviewTitles
{
    public const string ListHref = "authority-reviews";

    public static string ListTitle(ClaimsPrincipal user) =>
        user.IsInRole(nameof(UnitKind.Hrss)) ? "省级行业主管角色申请审核" : "下级行业主管部门（行业组织）信息审核";

    public static string DetailHref(int caseId) => $"{ListHref}/{caseId}";
}
