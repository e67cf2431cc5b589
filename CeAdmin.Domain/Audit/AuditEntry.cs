using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Audit;

/// <summary>
/// One row of the audit trail: who (account, unit, role, client address), when, what (event, target),
/// with which result, and the change or details. Rows are only ever appended (<see cref="AuditChain"/>):
/// <see cref="Id"/> is the row's place in the hash chain, given under the chain head's lock, and
/// <see cref="Hash"/> covers every other column and the previous row's hash. The app has no path that
/// updates or deletes a row, except the retention job that archives old rows to a file first.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC, whole microseconds (what PostgreSQL keeps), never earlier than the row before.</summary>
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public int? UnitId { get; set; }
    public string UnitName { get; set; } = "";
    /// <summary>The role the caller acted in: a unit kind, 个人账号, 单位账号, 系统管理员, 安全审计员, or 系统.</summary>
    public string Role { get; set; } = "";
    /// <summary>The browser's address (behind nginx, from X-Forwarded-For as docs/deploy.md sets up); empty for the system.</summary>
    public string ClientAddress { get; set; } = "";
    public AuditEvent Event { get; set; }
    /// <summary>What the event concerned, in one searchable form: a login name, "CeRecord#12", an export's grid.</summary>
    public string Target { get; set; } = "";
    public AuditResult Result { get; set; }
    /// <summary>Why it was refused (empty when it succeeded).</summary>
    public string Reason { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>A write's Added / Modified / Deleted; empty for other events.</summary>
    public string Action { get; set; } = "";
    /// <summary>JSON. A write: property → [old, new], personal identifiers masked. Another event: its details (filter, counts, file).</summary>
    public string Changes { get; set; } = "";
    /// <summary>The hash of the row before (the chain's anchor for the first row).</summary>
    public string PreviousHash { get; set; } = "";
    /// <summary>SHA-256 (hex) of this row's columns and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // The chain gives the id (gap-free, in commit order), not the database.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.UnitName).HasMaxLength(100);
        b.Property(x => x.Role).HasMaxLength(30);
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.Property(x => x.Event).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Target).HasMaxLength(200);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        // The 审计日志 page's filters, each in id order so that a page is a seek (docs/decisions/0016).
        b.HasIndex(x => new { x.At, x.Id });
        b.HasIndex(x => new { x.UserName, x.Id });
        b.HasIndex(x => new { x.UnitName, x.Id });
        b.HasIndex(x => new { x.Event, x.Id });
        b.HasIndex(x => new { x.Target, x.Id });
        b.HasIndex(x => new { x.Result, x.Id });
    }
}

/// <summary>
/// The chain's single head row: the last id and hash appended, and where the kept chain starts (rows
/// before <see cref="FirstId"/> were archived and purged; the first kept row must point at
/// <see cref="FirstPreviousHash"/>). Every append locks this row in its transaction, so appends from
/// any number of contexts and app instances form one chain in commit order.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastId { get; set; }
    public string LastHash { get; set; } = "";
    public DateTime? LastAt { get; set; }
    public long FirstId { get; set; } = 1;
    public string FirstPreviousHash { get; set; } = "";
    /// <summary>When the retention job last ran (on any instance), so that only one instance runs it per interval.</summary>
    public DateTime? LastRetentionRunAt { get; set; }
}

public sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LastHash).HasMaxLength(64);
        b.Property(x => x.FirstPreviousHash).HasMaxLength(64);
    }
}
