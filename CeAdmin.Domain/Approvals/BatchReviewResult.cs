namespace CeAdmin.Domain.Approvals;

/// <summary>Outcome of reviewing one case inside a batch review; <see cref="Subject"/> says what the case is about ("" outside the caller's cases).</summary>
public sealed record BatchReviewItem(int CaseId, string Subject, bool Succeeded, string Message);

/// <summary>Outcome of a batch review: one item per case, in the order processed.</summary>
public sealed record BatchReviewResult(IReadOnlyList<BatchReviewItem> Items)
{
    public int Succeeded => Items.Count(i => i.Succeeded);

    public int Failed => Items.Count(i => !i.Succeeded);
}
