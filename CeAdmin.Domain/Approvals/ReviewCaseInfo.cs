namespace CeAdmin.Domain.Approvals;

/// <summary>A case as a detail page shows it; <see cref="CanDecide"/> says whether the caller may review it now.</summary>
public sealed record ReviewCaseInfo(
    int Id,
    ReviewKind Kind,
    int SubjectId,
    int Year,
    string ApplicantName,
    string ReviewingUnitName,
    string Step,
    ReviewStatus Status,
    string? LastOpinion,
    bool CanDecide);

/// <summary>
/// What a review detail page shows, read in one call (<see cref="ReviewService.OpenAsync{TSubject}"/>): the case,
/// the subject's own detail, its 附件材料 and the 审批流程.
/// </summary>
public sealed record ReviewCaseView<TSubject>(
    ReviewCaseInfo Case,
    TSubject Subject,
    IReadOnlyList<Attachments.AttachmentRow> Attachments,
    IReadOnlyList<ApprovalHistoryRow> History);

/// <summary>One row of the 审批流程 panel.</summary>
public sealed record ApprovalHistoryRow(
    int Seq,
    string BusinessStep,
    string OperatorUnit,
    string Operator,
    DateTime At,
    string Result,
    string? Opinion);

/// <summary>One of the applicant's own open applications on its 首页: a draft, or a returned case with the reviewer's opinion.</summary>
public sealed record OpenCaseRow(
    int CaseId,
    ReviewKind Kind,
    int SubjectId,
    string SubjectName,
    ReviewStatus Status,
    string? Opinion,
    string ReviewingUnitName,
    DateTime? DecidedAt);
