namespace CeAdmin.Domain.Organizations;

/// <summary>The role a unit plays in the system; a unit operator enters the system in this role.</summary>
public enum UnitKind { Authority, Hrss, Institution, Employer }

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
