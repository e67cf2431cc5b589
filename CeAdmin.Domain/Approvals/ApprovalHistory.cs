namespace CeAdmin.Domain.Approvals;

/// <summary>
/// One row of a case's 审核历史. Created only by <see cref="ReviewCase"/>, one per transition,
/// and never changed afterwards.
/// </summary>
public class ApprovalHistory
{
    public const int BusinessStepMaxLength = 100;
    public const int OperatorUnitMaxLength = 200;
    public const int OperatorMaxLength = 100;
    public const int ResultMaxLength = 50;
    public const int OpinionMaxLength = ReviewCase.OpinionMaxLength;

    // For EF Core.
    private ApprovalHistory()
    {
    }

    internal ApprovalHistory(
        int seq,
        string businessStep,
        string operatorUnit,
        string @operator,
        DateTime at,
        string result,
        string? opinion,
        ReviewStatus toStatus)
    {
        Seq = seq;
        BusinessStep = businessStep;
        OperatorUnit = operatorUnit;
        Operator = @operator;
        At = at;
        Result = result;
        Opinion = opinion;
        ToStatus = toStatus;
    }

    public int Id { get; private set; }

    public int ReviewCaseId { get; private set; }

    /// <summary>序号, 1-based within the case.</summary>
    public int Seq { get; private set; }

    /// <summary>业务步骤.</summary>
    public string BusinessStep { get; private set; } = string.Empty;

    /// <summary>操作人所属 (unit name).</summary>
    public string OperatorUnit { get; private set; } = string.Empty;

    /// <summary>操作人.</summary>
    public string Operator { get; private set; } = string.Empty;

    /// <summary>审核时间 (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>审核(状态)结果.</summary>
    public string Result { get; private set; } = string.Empty;

    /// <summary>审核意见.</summary>
    public string? Opinion { get; private set; }

    /// <summary>Status of the case after this step.</summary>
    public ReviewStatus ToStatus { get; private set; }
}
