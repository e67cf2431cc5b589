using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Records;

public enum RecordSource { Roster, Import }

/// <summary>
/// 继续教育记录: one person's completed learning. Names are copied in when the record is made, so a
/// record reads the same years later and the query needs no joins over millions of rows.
/// </summary>
public sealed class CeRecord : IScoped
{
    public long Id { get; set; }
    public string PersonName { get; set; } = "";
    /// <summary>男 / 女.</summary>
    public string Gender { get; set; } = "";
    public string IdNumber { get; set; } = "";
    /// <summary>工作单位 of the person when the record was made.</summary>
    public string WorkUnit { get; set; } = "";
    /// <summary>
    /// 所属地区 of the person (of his 工作单位), never of the institution that trained him: the one
    /// region that scope, the query's 行政区划 filter and the statistics use.
    /// </summary>
    public string RegionCode { get; set; } = "";
    public int SeriesId { get; set; }
    /// <summary>主管部门: the approved authority of the series nearest to RegionCode (<see cref="SupervisingAuthority"/>).</summary>
    public int? AuthorityId { get; set; }
    public string AuthorityName { get; set; } = "";
    public int? CatalogCourseId { get; set; }
    /// <summary>课程名称.</summary>
    public string CourseName { get; set; } = "";
    /// <summary>科目类型: 公需科目 / 专业科目 / 选修科目.</summary>
    public string SubjectType { get; set; } = "";
    public string StudyMode { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>参训天数.</summary>
    public decimal Days { get; set; }
    /// <summary>考核结果: 合格 / 不合格.</summary>
    public string Result { get; set; } = "";
    /// <summary>拟申报学时.</summary>
    public decimal Hours { get; set; }
    public int? InstitutionId { get; set; }
    public string InstitutionName { get; set; } = "";
    /// <summary>申报年度.</summary>
    public int Year { get; set; }
    public string Location { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Remarks { get; set; }
    public int? ClassId { get; set; }
    public RecordSource Source { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// A 合格 trainee of a class's validated 结业名单: the plan's and the class's facts, the trainee's own 工作单位
    /// and region (never the institution's), and the 主管部门 that follows from that region.
    /// </summary>
    public static CeRecord FromRoster(RosterEntry entry, Plans.TrainingClass cls, string courseName, string courseContent,
        int? institutionId, string institutionName, SupervisingAuthority? supervisor, DateTime nowUtc)
    {
        var plan = cls.Plan!;
        return new CeRecord
        {
            PersonName = entry.Name!.Trim(), Gender = entry.Gender!, IdNumber = Common.IdNumber.Normalize(entry.IdNumber!),
            WorkUnit = entry.WorkUnit!.Trim(), RegionCode = entry.RegionCode!,
            SeriesId = plan.SeriesId, AuthorityId = supervisor?.Id, AuthorityName = supervisor?.Name ?? "",
            CatalogCourseId = plan.CatalogCourseId, CourseName = courseName, SubjectType = RecordValues.Professional,
            StudyMode = cls.StudyMode, StartDate = cls.StudyStart, EndDate = cls.StudyEnd, Days = plan.Days,
            Result = RecordValues.Passed, Hours = plan.Hours, InstitutionId = institutionId, InstitutionName = institutionName,
            Year = plan.Year, Location = cls.Location, Content = courseContent.Length > 0 ? courseContent : plan.Content, ClassId = cls.Id,
            Source = RecordSource.Roster, CreatedAt = nowUtc,
        };
    }
}

/// <summary>The fixed texts a record stores (the manual's select values).</summary>
public static class RecordValues
{
    public const string Public = "公需科目";
    public const string Professional = "专业科目";
    public const string Elective = "选修科目";
    public static readonly IReadOnlyList<string> SubjectTypes = [Public, Professional, Elective];

    public const string Passed = "合格";
    public const string Failed = "不合格";
    public static readonly IReadOnlyList<string> Results = [Passed, Failed];

    public const string Male = "男";
    public const string Female = "女";
    public static readonly IReadOnlyList<string> Genders = [Male, Female];
}
