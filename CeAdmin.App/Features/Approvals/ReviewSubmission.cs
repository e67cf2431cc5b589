using CeAdmin.Domain.Approvals;

namespace CeAdmin.App.Features.Approvals;

/// <summary>What <see cref="ReviewPanel"/> hands to its page: the chosen 审核结果 and 审核意见.</summary>
public sealed record ReviewSubmission(ReviewDecision Decision, string? Opinion);
