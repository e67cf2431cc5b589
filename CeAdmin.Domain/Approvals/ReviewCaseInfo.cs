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

/// <summary>One row of the 审批流程 panel.</summary>
public sealed record ApprovalHistoryRow(
    int Seq,
    string BusinessStep,
    string OperatorUnit,
    string Operator,
    DateTime At,
    string Result,
    string? Opinion);
