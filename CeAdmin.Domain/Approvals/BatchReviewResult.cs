namespace CeAdmin.Domain.Approvals;

/// <summary>Outcome of reviewing one case inside a batch review.</summary>
public sealed record BatchReviewItem(int CaseId, string ApplicantName, bool Succeeded, string Message);

/// <summary>Outcome of a batch review: one item per case, in the order processed.</summary>
public sealed record BatchReviewResult(IReadOnlyList<BatchReviewItem> Items)
{
    public int Succeeded => Items.Count(i => i.Succeeded);

    public int Failed => Items.Count(i => !i.Succeeded);
}
