using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Audit;

/// <summary>One write to one entity: who, for which unit, when, what and which values changed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public int? UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>JSON object: property → [old, new] (inserts: [null, new]; deletes: [old, null]).</summary>
    public string Changes { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.UnitName).HasMaxLength(100);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(10);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.At);
    }
}
