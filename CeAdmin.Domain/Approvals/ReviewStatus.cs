namespace CeAdmin.Domain.Approvals;

/// <summary>State of a <see cref="ReviewCase"/>. Stored as text (the member name).</summary>
public enum ReviewStatus
{
    /// <summary>未送审</summary>
    Draft,

    /// <summary>待审核</summary>
    Submitted,

    /// <summary>同意</summary>
    Approved,

    /// <summary>不同意并结案 (final)</summary>
    Closed,

    /// <summary>不同意并退案 (back to the applicant, editable, may be resubmitted)</summary>
    Returned,
}

/// <summary>A reviewer's decision on a submitted case.</summary>
public enum ReviewDecision
{
    /// <summary>同意</summary>
    Approve,

    /// <summary>不同意并结案</summary>
    RejectAndClose,

    /// <summary>不同意并退案</summary>
    RejectAndReturn,
}

/// <summary>What kind of application a <see cref="ReviewCase"/> reviews. Stored as text (the member name).</summary>
public enum ReviewKind
{
    /// <summary>行业主管角色申请</summary>
    AuthorityApplication,

    /// <summary>施教机构专业培训资格申请</summary>
    Qualification,

    /// <summary>专业课计划申报</summary>
    TrainingPlan,
}

/// <summary>Chinese UI labels for the review enums.</summary>
public static class ReviewLabels
{
    public static string ToLabel(this ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "未送审",
        ReviewStatus.Submitted => "待审核",
        ReviewStatus.Approved => "同意",
        ReviewStatus.Closed => "不同意并结案",
        ReviewStatus.Returned => "不同意并退案",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToLabel(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => "同意",
        ReviewDecision.RejectAndClose => "不同意并结案",
        ReviewDecision.RejectAndReturn => "不同意并退案",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string ToLabel(this ReviewKind kind) => kind switch
    {
        ReviewKind.AuthorityApplication => "行业主管角色申请",
        ReviewKind.Qualification => "施教机构专业培训资格申请",
        ReviewKind.TrainingPlan => "专业课计划申报",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The status a case ends up in after <paramref name="decision"/>.</summary>
    public static ReviewStatus ToStatus(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => ReviewStatus.Approved,
        ReviewDecision.RejectAndClose => ReviewStatus.Closed,
        ReviewDecision.RejectAndReturn => ReviewStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}
