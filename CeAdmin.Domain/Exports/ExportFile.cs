using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// A finished export waiting for its one download. It lives in the database, not on the disk of the
/// instance that wrote it, so whichever instance the browser reaches can serve it. Its bytes are in
/// <see cref="ExportFileChunk"/> rows of at most 1 MiB, read one at a time.
/// </summary>
public sealed class ExportFile
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; }
    /// <summary>SHA-256 (hex) of the download token; the token itself is only in the owner's download link.</summary>
    public string TokenHash { get; set; } = "";
    public string OwnerUserId { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public int ChunkCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>When its one download began; a taken file is never served again.</summary>
    public DateTime? TakenAt { get; set; }
}

/// <summary>One piece of an export file's bytes, in order of <see cref="Seq"/>.</summary>
public sealed class ExportFileChunk
{
    public Guid ExportFileId { get; set; }
    public int Seq { get; set; }
    public byte[] Data { get; set; } = [];
}

public sealed class ExportFileConfiguration : IEntityTypeConfiguration<ExportFile>
{
    public void Configure(EntityTypeBuilder<ExportFile> b)
    {
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(f => f.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(ExportFile.FileNameMaxLength).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.ExpiresAt);
        b.HasMany<ExportFileChunk>().WithOne().HasForeignKey(c => c.ExportFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExportFileChunkConfiguration : IEntityTypeConfiguration<ExportFileChunk>
{
    public void Configure(EntityTypeBuilder<ExportFileChunk> b)
    {
        b.HasKey(c => new { c.ExportFileId, c.Seq });
        b.Property(c => c.Data).IsRequired();
    }
}
