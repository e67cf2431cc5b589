using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Approvals;

/// <summary>EF Core mapping of <see cref="ReviewCase"/> (table ReviewCases). Works on SQLite and PostgreSQL.</summary>
public sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> builder)
    {
        builder.ToTable("ReviewCases");
        builder.HasKey(c => c.Id);

        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsRequired();

        builder.Property(c => c.ApplicantName).HasMaxLength(ReviewCase.ApplicantNameMaxLength).IsRequired();
        builder.Property(c => c.ReviewingUnitName).HasMaxLength(ReviewCase.ReviewingUnitNameMaxLength).IsRequired();
        builder.Property(c => c.Step).HasMaxLength(ReviewCase.StepMaxLength).IsRequired();
        builder.Property(c => c.LastOpinion).HasMaxLength(ReviewCase.OpinionMaxLength);

        // Set by the domain (Guid.NewGuid() on every change), so no database-specific row version is needed.
        builder.Property(c => c.Version).IsConcurrencyToken().ValueGeneratedNever();

        builder.Ignore(c => c.IsEditable);
        builder.Ignore(c => c.IsPending);

        builder.HasIndex(c => new { c.ReviewingUnitId, c.Status, c.Year });
        builder.HasIndex(c => new { c.Kind, c.SubjectId }).IsUnique();
        builder.HasIndex(c => c.ApplicantUnitId);

        builder.HasMany(c => c.History)
            .WithOne()
            .HasForeignKey(h => h.ReviewCaseId)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);

        builder.Navigation(c => c.History)
            .HasField("_history")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
