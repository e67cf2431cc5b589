using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Attachments;

/// <summary>EF Core mapping of <see cref="Attachment"/> (table Attachments). Works on SQLite and PostgreSQL.</summary>
public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);

        builder.Property(a => a.OwnerType).HasMaxLength(Attachment.OwnerTypeMaxLength).IsRequired();
        builder.Property(a => a.Category).HasMaxLength(Attachment.CategoryMaxLength).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.FileType).HasMaxLength(Attachment.FileTypeMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.UploaderName).HasMaxLength(Attachment.UploaderNameMaxLength).IsRequired();

        builder.Ignore(a => a.SizeKb);
        builder.Ignore(a => a.CanPreview);

        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });

        builder.HasOne(a => a.Content)
            .WithOne()
            .HasForeignKey<AttachmentContent>(c => c.AttachmentId)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>EF Core mapping of <see cref="AttachmentContent"/> (table AttachmentContents: bytea on PostgreSQL, BLOB on SQLite).</summary>
public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.Property(c => c.Data).IsRequired();
    }
}
