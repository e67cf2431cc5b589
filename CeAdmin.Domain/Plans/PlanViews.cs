using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Plans;

public sealed record PlanFilter(string? CourseName = null, string? PlanName = null, int? Year = null);

/// <summary>A row of the plan grids (1.4.1, 1.4.2, 1.7.2).</summary>
public sealed record PlanRow(int Id, int CaseId, string Name, string CourseName, DateOnly StartDate, DateOnly EndDate, int PlannedSessions,
    string OwnerName, string ReviewingUnitName, string Step, ReviewStatus Status, int Year);

public sealed record PlanDetail(int Id, int CaseId, UnitKind OwnerKind, string OwnerName, string CourseName, string SeriesName, PlanForm Form,
    string HoursHint, ReviewStatus Status, string ReviewingUnitName, string Step, string? LastOpinion, bool Editable, IReadOnlyList<ClassRow> Classes);

/// <summary>序号, 培训班名称, 班主任, 计划开班日期, 培训班计划人数, 培训天数 (and the institution for 1.7.3).</summary>
public sealed record ClassRow(int Id, int PlanId, string Name, string HeadTeacherName, DateOnly PlannedOpenDate, int PlannedEnrolment, decimal Days, string OwnerName);

public sealed record InstructorRow(int TeacherId, string Name, string Title, string Email, string Phone);

public sealed record ClassDetail(int Id, int PlanId, string PlanName, string OwnerName, ClassForm Form, string HeadTeacherName, string HeadTeacherPhone,
    string HeadTeacherIdNumber, string HeadTeacherEmail, string HeadTeacherTitle, IReadOnlyList<InstructorRow> Instructors, bool Editable);
