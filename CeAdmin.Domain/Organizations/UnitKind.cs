namespace CeAdmin.Domain.Organizations;

/// <summary>The role a unit plays in the system; a unit operator enters the system in this role.</summary>
public enum UnitKind { Authority, Hrss, Institution, Employer }

public static class UnitKinds
{
    /// <summary>
    /// The kinds a verified person may claim in 单位账号注册. An authority's powers wait for the review
    /// of its 角色申请, an institution's plans for an approved 专业培训资格; the HRSS department's powers
    /// wait for nothing, so it is never self-registered: the system administrator creates it
    /// (SystemAdministrationService, docs/powers.md).
    /// </summary>
    public static readonly IReadOnlyList<UnitKind> SelfRegistrable = [UnitKind.Authority, UnitKind.Institution, UnitKind.Employer];

    public const string NotSelfRegistrableMessage = "该单位类别不能自行注册：人社业务主管部门由系统管理员开设";
}

/// <summary>隶属关系: the level of an authority (and of an institution or base).</summary>
public enum AffiliationLevel { Province, City, County }

public static class OrganizationLabels
{
    public static string ToLabel(this UnitKind kind) => kind switch
    {
        UnitKind.Authority => "行业主管部门（行业组织）",
        UnitKind.Hrss => "人社业务主管部门",
        UnitKind.Institution => "施教机构",
        UnitKind.Employer => "法人单位",
        _ => kind.ToString(),
    };

    public static string ToLabel(this AffiliationLevel level) => level switch
    {
        AffiliationLevel.Province => "省级",
        AffiliationLevel.City => "市级",
        AffiliationLevel.County => "县(区)级",
        _ => level.ToString(),
    };

    public static ReferenceData.RegionLevel ToRegionLevel(this AffiliationLevel level) => level switch
    {
        AffiliationLevel.Province => ReferenceData.RegionLevel.Province,
        AffiliationLevel.City => ReferenceData.RegionLevel.City,
        _ => ReferenceData.RegionLevel.County,
    };
}
