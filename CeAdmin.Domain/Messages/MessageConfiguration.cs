using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Messages;

/// <summary>EF Core mapping of <see cref="Message"/> (table Messages).</summary>
public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages", t => t.HasCheckConstraint("CK_Messages_OneRecipient",
            "(\"RecipientUnitId\" IS NULL) <> (\"RecipientUserId\" IS NULL)"));
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RecipientUserId).HasMaxLength(450);
        builder.Property(m => m.Topic).HasConversion<string>().HasMaxLength(30).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(Message.TitleMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength).IsRequired();
        builder.Property(m => m.SubjectKind).HasConversion<string>().HasMaxLength(20);

        // A unit's or an account's messages, newest first.
        builder.HasIndex(m => new { m.RecipientUnitId, m.CreatedAt });
        builder.HasIndex(m => new { m.RecipientUserId, m.CreatedAt });
        builder.HasOne<Accounts.UnitAccount>().WithMany().HasForeignKey(m => m.RecipientUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>EF Core mapping of <see cref="MessageRead"/> (table MessageReads): one row per message and reader.</summary>
public sealed class MessageReadConfiguration : IEntityTypeConfiguration<MessageRead>
{
    public void Configure(EntityTypeBuilder<MessageRead> builder)
    {
        builder.ToTable("MessageReads");
        builder.HasKey(r => new { r.MessageId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
