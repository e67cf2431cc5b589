using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Approvals;

/// <summary>EF Core mapping of <see cref="ApprovalHistory"/> (table ApprovalHistories).</summary>
public sealed class ApprovalHistoryConfiguration : IEntityTypeConfiguration<ApprovalHistory>
{
    public void Configure(EntityTypeBuilder<ApprovalHistory> builder)
    {
        builder.ToTable("ApprovalHistories");
        builder.HasKey(h => h.Id);

        builder.Property(h => h.BusinessStep).HasMaxLength(ApprovalHistory.BusinessStepMaxLength).IsRequired();
        builder.Property(h => h.OperatorUnit).HasMaxLength(ApprovalHistory.OperatorUnitMaxLength).IsRequired();
        builder.Property(h => h.Operator).HasMaxLength(ApprovalHistory.OperatorMaxLength).IsRequired();
        builder.Property(h => h.Result).HasMaxLength(ApprovalHistory.ResultMaxLength).IsRequired();
        builder.Property(h => h.Opinion).HasMaxLength(ApprovalHistory.OpinionMaxLength);
        builder.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20).IsRequired();

        // Not unique on purpose: a concurrent second decision must fail on ReviewCase.Version
        // (DbUpdateConcurrencyException), not on a duplicate Seq, whatever order the provider
        // sends the INSERT and the UPDATE in.
        builder.HasIndex(h => new { h.ReviewCaseId, h.Seq });
    }
}
