using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Approvals;

/// <summary>
/// The one review workflow shared by every kind of application (行业主管角色申请,
/// 施教机构专业培训资格申请, 专业课计划申报). The application itself (the "subject") lives in its
/// own table; this aggregate holds its review state and 审核历史.
/// </summary>
/// <remarks>
/// Transitions:
/// <code>
/// Draft     --Submit-----------------&gt; Submitted
/// Returned  --Submit-----------------&gt; Submitted
/// Submitted --Approve / ApproveAutomatically --&gt; Approved
/// Submitted --RejectAndClose---------&gt; Closed
/// Submitted --RejectAndReturn--------&gt; Returned
/// </code>
/// Each transition appends exactly one <see cref="ApprovalHistory"/> row and gives
/// <see cref="Version"/> a new value (it is the optimistic-concurrency token), so two reviewers
/// acting on the same case cannot both succeed. Load the case with its history
/// (<c>Include(c =&gt; c.History)</c>) before calling a transition.
/// </remarks>
public class ReviewCase
{
    public const int ApplicantNameMaxLength = 200;
    public const int ReviewingUnitNameMaxLength = 200;
    public const int StepMaxLength = 100;
    public const int OpinionMaxLength = 500;

    /// <summary>History Result/Opinion written by <see cref="Submit"/>.</summary>
    public const string SubmitLabel = "提交送审";

    /// <summary>History Operator written by <see cref="ApproveAutomatically"/>.</summary>
    public const string SystemOperator = "系统";

    private readonly List<ApprovalHistory> _history = [];

    // For EF Core.
    private ReviewCase()
    {
    }

    public int Id { get; private set; }

    public ReviewKind Kind { get; private set; }

    /// <summary>Id of the application row this case reviews (meaning depends on <see cref="Kind"/>).</summary>
    public int SubjectId { get; private set; }

    /// <summary>年度.</summary>
    public int Year { get; private set; }

    public int ApplicantUnitId { get; private set; }

    public string ApplicantName { get; private set; } = string.Empty;

    public int ReviewingUnitId { get; private set; }

    /// <summary>审核部门.</summary>
    public string ReviewingUnitName { get; private set; } = string.Empty;

    /// <summary>审核环节, e.g. "市(县、区)行业主管单位信息审核".</summary>
    public string Step { get; private set; } = string.Empty;

    public ReviewStatus Status { get; private set; }

    /// <summary>Optimistic-concurrency token; replaced on every change.</summary>
    public Guid Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Time of the latest submission (UTC).</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Time of the decision that produced the current status (UTC); null while Draft or Submitted.</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Opinion of the latest decision; kept through a resubmission so the applicant still sees why it was returned.</summary>
    public string? LastOpinion { get; private set; }

    /// <summary>审核历史, ordered by <see cref="ApprovalHistory.Seq"/>.</summary>
    public IReadOnlyList<ApprovalHistory> History => _history.OrderBy(h => h.Seq).ToList().AsReadOnly();

    public bool IsEditable => Status is ReviewStatus.Draft or ReviewStatus.Returned;

    public bool IsPending => Status == ReviewStatus.Submitted;

    public static ReviewCase Open(
        ReviewKind kind,
        int subjectId,
        int year,
        int applicantUnitId,
        string applicantName,
        int reviewingUnitId,
        string reviewingUnitName,
        string step,
        DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjectId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(applicantUnitId);
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 2000 and 2100.");
        }

        EnsureUtc(nowUtc);
        var (unitId, unitName, stepText) = CheckRoute(reviewingUnitId, reviewingUnitName, step);

        return new ReviewCase
        {
            Kind = kind,
            SubjectId = subjectId,
            Year = year,
            ApplicantUnitId = applicantUnitId,
            ApplicantName = CheckApplicantName(applicantName),
            ReviewingUnitId = unitId,
            ReviewingUnitName = unitName,
            Step = stepText,
            Status = ReviewStatus.Draft,
            Version = Guid.NewGuid(),
            CreatedAt = nowUtc,
        };
    }

    /// <summary>Draft or Returned → Submitted. Only the applicant unit may submit.</summary>
    /// <param name="businessStep">History 业务步骤, e.g. "专业课计划申报信息申报".</param>
    public void Submit(Actor actor, DateTime nowUtc, string businessStep)
    {
        CheckActor(actor, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(businessStep);
        var stepText = businessStep.Trim();
        if (stepText.Length > ApprovalHistory.BusinessStepMaxLength)
        {
            throw new ArgumentException($"Business step must be at most {ApprovalHistory.BusinessStepMaxLength} characters.", nameof(businessStep));
        }

        EnsureUtc(nowUtc);

        if (actor.UnitId != ApplicantUnitId)
        {
            throw new DomainException("只有申请单位本身才能送审该申请");
        }

        switch (Status)
        {
            case ReviewStatus.Draft:
            case ReviewStatus.Returned:
                break;
            case ReviewStatus.Submitted:
                throw new DomainException("已送审，请勿重复送审");
            case ReviewStatus.Approved:
                throw new DomainException("已审核通过，不能再送审");
            case ReviewStatus.Closed:
                throw new DomainException("已结案，不能再送审");
            default:
                throw new InvalidOperationException($"Unknown status {Status}.");
        }

        EnsureHistoryLoaded();
        Status = ReviewStatus.Submitted;
        SubmittedAt = nowUtc;
        DecidedAt = null;
        Append(stepText, actor.UnitName, actor.UserName, nowUtc, SubmitLabel, SubmitLabel);
    }

    /// <summary>Submitted → Approved. An empty opinion is recorded as "同意".</summary>
    public void Approve(Actor reviewer, string? opinion, DateTime nowUtc) =>
        ApplyDecision(reviewer, ReviewDecision.Approve, opinion, nowUtc);

    /// <summary>Submitted → Closed (final). Requires an opinion.</summary>
    public void RejectAndClose(Actor reviewer, string? opinion, DateTime nowUtc) =>
        ApplyDecision(reviewer, ReviewDecision.RejectAndClose, opinion, nowUtc);

    /// <summary>Submitted → Returned (the applicant may edit and resubmit). Requires an opinion.</summary>
    public void RejectAndReturn(Actor reviewer, string? opinion, DateTime nowUtc) =>
        ApplyDecision(reviewer, ReviewDecision.RejectAndReturn, opinion, nowUtc);

    public void Decide(Actor reviewer, ReviewDecision decision, string? opinion, DateTime nowUtc)
    {
        switch (decision)
        {
            case ReviewDecision.Approve:
                Approve(reviewer, opinion, nowUtc);
                break;
            case ReviewDecision.RejectAndClose:
                RejectAndClose(reviewer, opinion, nowUtc);
                break;
            case ReviewDecision.RejectAndReturn:
                RejectAndReturn(reviewer, opinion, nowUtc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, null);
        }
    }

    /// <summary>
    /// Submitted → Approved without a human reviewer (e.g. "省级施教机构默认通过").
    /// History: Operator "系统", OperatorUnit = <see cref="ReviewingUnitName"/>, Opinion = <paramref name="reason"/>.
    /// </summary>
    public void ApproveAutomatically(string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureUtc(nowUtc);
        var text = reason.Trim();
        if (text.Length > OpinionMaxLength)
        {
            throw new ArgumentException($"Reason must be at most {OpinionMaxLength} characters.", nameof(reason));
        }

        EnsurePending();
        EnsureHistoryLoaded();

        Status = ReviewStatus.Approved;
        DecidedAt = nowUtc;
        LastOpinion = text;
        Append(Step, ReviewingUnitName, SystemOperator, nowUtc, ReviewDecision.Approve.ToLabel(), text);
    }

    /// <summary>Changes the reviewing unit and step; only while Draft or Returned. Appends no history.</summary>
    public void Reroute(int reviewingUnitId, string reviewingUnitName, string step)
    {
        var (unitId, unitName, stepText) = CheckRoute(reviewingUnitId, reviewingUnitName, step);
        EnsureEditable();

        ReviewingUnitId = unitId;
        ReviewingUnitName = unitName;
        Step = stepText;
        Version = Guid.NewGuid();
    }

    /// <summary>Renames the applicant; only while Draft or Returned. Appends no history.</summary>
    public void RenameApplicant(string applicantName)
    {
        var name = CheckApplicantName(applicantName);
        EnsureEditable();

        ApplicantName = name;
        Version = Guid.NewGuid();
    }

    /// <summary>Throws <see cref="DomainException"/> unless the case is Draft or Returned.</summary>
    public void EnsureEditable()
    {
        switch (Status)
        {
            case ReviewStatus.Draft:
            case ReviewStatus.Returned:
                return;
            case ReviewStatus.Submitted:
                throw new DomainException("已送审，送审后不能再修改");
            case ReviewStatus.Approved:
                throw new DomainException("已审核通过，不能再修改");
            case ReviewStatus.Closed:
                throw new DomainException("已结案，不能再修改");
            default:
                throw new InvalidOperationException($"Unknown status {Status}.");
        }
    }

    private void ApplyDecision(Actor reviewer, ReviewDecision decision, string? opinion, DateTime nowUtc)
    {
        CheckActor(reviewer, nameof(reviewer));
        EnsureUtc(nowUtc);

        if (reviewer.UnitId != ReviewingUnitId)
        {
            throw new DomainException("该申请不在您的审核范围内");
        }

        EnsurePending();

        var text = opinion?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (decision != ReviewDecision.Approve)
            {
                throw new DomainException("请填写审核意见");
            }

            text = ReviewDecision.Approve.ToLabel();
        }

        if (text.Length > OpinionMaxLength)
        {
            throw new DomainException($"审核意见不能超过{OpinionMaxLength}个字");
        }

        EnsureHistoryLoaded();
        var label = decision.ToLabel();
        Status = decision.ToStatus();
        DecidedAt = nowUtc;
        LastOpinion = text;
        Append(Step, reviewer.UnitName, reviewer.UserName, nowUtc, label, text);
    }

    private void EnsurePending()
    {
        switch (Status)
        {
            case ReviewStatus.Submitted:
                return;
            case ReviewStatus.Draft:
                throw new DomainException("该申请尚未送审，不能审核");
            case ReviewStatus.Approved:
            case ReviewStatus.Closed:
            case ReviewStatus.Returned:
                throw new DomainException($"该申请已审核（{Status.ToLabel()}），不能重复审核");
            default:
                throw new InvalidOperationException($"Unknown status {Status}.");
        }
    }

    private void EnsureHistoryLoaded()
    {
        // Every status other than Draft was reached through a transition that wrote a row, so an
        // empty list means the history was not loaded and the next Seq would be wrong.
        if (Status != ReviewStatus.Draft && _history.Count == 0)
        {
            throw new InvalidOperationException(
                "ReviewCase.History is not loaded; query the case with Include(c => c.History) before a transition.");
        }
    }

    private void Append(string businessStep, string operatorUnit, string @operator, DateTime at, string result, string? opinion)
    {
        var seq = _history.Count == 0 ? 1 : _history.Max(h => h.Seq) + 1;
        _history.Add(new ApprovalHistory(seq, businessStep, operatorUnit, @operator, at, result, opinion, Status));
        Version = Guid.NewGuid();
    }

    private static void CheckActor(Actor actor, string paramName)
    {
        ArgumentNullException.ThrowIfNull(actor, paramName);
        if (string.IsNullOrWhiteSpace(actor.UserName) || actor.UserName.Length > ApprovalHistory.OperatorMaxLength)
        {
            throw new ArgumentException($"Actor.UserName must be 1..{ApprovalHistory.OperatorMaxLength} characters.", paramName);
        }

        if (string.IsNullOrWhiteSpace(actor.UnitName) || actor.UnitName.Length > ApprovalHistory.OperatorUnitMaxLength)
        {
            throw new ArgumentException($"Actor.UnitName must be 1..{ApprovalHistory.OperatorUnitMaxLength} characters.", paramName);
        }
    }

    private static void EnsureUtc(DateTime nowUtc)
    {
        if (nowUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Time must be UTC (DateTimeKind.Utc).", nameof(nowUtc));
        }
    }

    private static string CheckApplicantName(string applicantName)
    {
        var name = applicantName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException("申请单位名称不能为空");
        }

        if (name.Length > ApplicantNameMaxLength)
        {
            throw new DomainException($"申请单位名称不能超过{ApplicantNameMaxLength}个字");
        }

        return name;
    }

    private static (int UnitId, string UnitName, string Step) CheckRoute(int reviewingUnitId, string reviewingUnitName, string step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reviewingUnitId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewingUnitName);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        var unitName = reviewingUnitName.Trim();
        var stepText = step.Trim();
        if (unitName.Length > ReviewingUnitNameMaxLength)
        {
            throw new ArgumentException($"Reviewing unit name must be at most {ReviewingUnitNameMaxLength} characters.", nameof(reviewingUnitName));
        }

        if (stepText.Length > StepMaxLength)
        {
            throw new ArgumentException($"Step must be at most {StepMaxLength} characters.", nameof(step));
        }

        return (reviewingUnitId, unitName, stepText);
    }
}
