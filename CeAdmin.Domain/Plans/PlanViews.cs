using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Plans;

public sealed record PlanFilter(string? CourseName = null, string? PlanName = null, int? Year = null);

/// <summary>The plan's own columns, the same in every plan grid (1.4.1, 1.4.2, 1.7.2).</summary>
public interface IPlanRow
{
    /// <summary>培训计划名称.</summary>
    string Name { get; }

    /// <summary>专业课程名称.</summary>
    string CourseName { get; }

    /// <summary>计划开始时间.</summary>
    DateOnly StartDate { get; }

    /// <summary>计划完成时间.</summary>
    DateOnly EndDate { get; }

    /// <summary>拟办期数.</summary>
    int PlannedSessions { get; }
}

/// <summary>A row of the filer's grid (1.4.2) and of 1.7.2: the plan with where its review stands.</summary>
public sealed record PlanRow(int Id, int CaseId, string Name, string CourseName, DateOnly StartDate, DateOnly EndDate, int PlannedSessions,
    string OwnerName, string ReviewingUnitName, string Step, ReviewStatus Status, int Year) : IPlanRow, IReviewRow
{
    string IReviewRow.ApplicantName => OwnerName;

    public static readonly IReadOnlyList<Exports.ExportColumn<PlanRow>> ExportColumns = Exports.ExportColumns.For<PlanRow>()
        .Text("专业课程名称", r => r.CourseName, 26).Text("培训计划名称", r => r.Name, 34).Text("申报单位", r => r.OwnerName, 28)
        .Date("计划开始时间", r => r.StartDate).Date("计划完成时间", r => r.EndDate).Number<int>("拟办期数", r => r.PlannedSessions, 10)
        .AddReviewColumns().Build();
}

public sealed record PlanDetail(int Id, int CaseId, UnitKind OwnerKind, string OwnerName, string CourseName, string SeriesName, PlanForm Form,
    string HoursHint, ReviewStatus Status, string ReviewingUnitName, string Step, string? LastOpinion, bool Editable, IReadOnlyList<ClassRow> Classes);

/// <summary>序号, 培训班名称, 班主任, 计划开班日期, 培训班计划人数, 培训天数 (and the institution and plan for 1.7.3).</summary>
public sealed record ClassRow(int Id, int PlanId, string Name, string HeadTeacherName, DateOnly PlannedOpenDate, int PlannedEnrolment, decimal Days,
    string OwnerName, string PlanName)
{
    public static readonly IReadOnlyList<Exports.ExportColumn<ClassRow>> ExportColumns = Exports.ExportColumns.For<ClassRow>()
        .Text("施教机构名称", r => r.OwnerName, 30).Text("培训班名称", r => r.Name, 36).Text("班主任", r => r.HeadTeacherName, 12)
        .Date("计划开班日期", r => r.PlannedOpenDate).Number<int>("培训班计划人数", r => r.PlannedEnrolment, 14).Number<decimal>("培训天数", r => r.Days, 10).Build();
}

/// <summary>A teacher as 授课教师 and in the 选入教师 and 班主任 choices; the ID number is masked for all but the owner.</summary>
public sealed record InstructorRow(int TeacherId, string Name, string Title, string Email, string Phone, string IdNumber);

public sealed record ClassDetail(int Id, int PlanId, string PlanName, string OwnerName, ClassForm Form, string HeadTeacherName, string HeadTeacherPhone,
    string HeadTeacherIdNumber, string HeadTeacherEmail, string HeadTeacherTitle, IReadOnlyList<InstructorRow> Instructors, bool Editable);
