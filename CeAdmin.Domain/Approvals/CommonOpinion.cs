using CeAdmin.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Approvals;

/// <summary>
/// 常用审核意见: a text a reviewing unit (an authority, the HRSS department) keeps for one decision, to pick
/// when it reviews and edit before deciding. Each unit keeps its own; nobody else reads them.
/// </summary>
public class CommonOpinion
{
    public const int TextMaxLength = 200;

    /// <summary>Enough for a pick list; more would be a second manual, not a shortcut.</summary>
    public const int MaxPerDecision = 20;

    public int Id { get; set; }

    /// <summary>The reviewing unit that keeps it.</summary>
    public int UnitId { get; set; }

    public ReviewDecision Decision { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public void Update(CommonOpinionForm form)
    {
        Decision = form.Decision!.Value;
        Text = form.Text!.Trim();
    }
}

/// <summary>常用审核意见 as its dialog edits it.</summary>
public sealed class CommonOpinionForm
{
    public ReviewDecision? Decision { get; set; }

    public string? Text { get; set; }

    public static CommonOpinionForm From(CommonOpinionRow row) => new() { Decision = row.Decision, Text = row.Text };
}

public sealed class CommonOpinionFormValidator : FormValidator<CommonOpinionForm>
{
    public CommonOpinionFormValidator()
    {
        RuleFor(x => x.Decision).NotNull().WithMessage("请选择审核结果").IsInEnum().WithMessage("请选择审核结果");
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写意见内容")
            .Must(t => t is null || t.Trim().Length <= CommonOpinion.TextMaxLength).WithMessage($"意见内容不能超过{CommonOpinion.TextMaxLength}个字");
    }
}

/// <summary>A row of 常用审核意见.</summary>
public sealed record CommonOpinionRow(int Id, ReviewDecision Decision, string Text);

/// <summary>EF Core mapping of <see cref="CommonOpinion"/> (table CommonOpinions).</summary>
public sealed class CommonOpinionConfiguration : IEntityTypeConfiguration<CommonOpinion>
{
    public void Configure(EntityTypeBuilder<CommonOpinion> builder)
    {
        builder.ToTable("CommonOpinions");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Decision).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(o => o.Text).HasMaxLength(CommonOpinion.TextMaxLength).IsRequired();
        // The same text twice under one decision would only lengthen the pick list.
        builder.HasIndex(o => new { o.UnitId, o.Decision, o.Text }).IsUnique();
        builder.HasOne<Accounts.UnitAccount>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
