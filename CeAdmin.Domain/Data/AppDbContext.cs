using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Teachers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own derived context and migrations
/// folder (EF's documented pattern for several providers).
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    protected AppDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Who the audit trail names for this context's writes; set by the factory.</summary>
    public ICurrentUser? AuditUser { get; set; }

    /// <summary>The browser's address for the audit trail; set by the factory.</summary>
    public Accounts.ClientContext? AuditClient { get; set; }

    /// <summary>The clock the audit trail dates this context's writes by (the services' clock); set by the factory.</summary>
    public TimeProvider AuditClock { get; set; } = TimeProvider.System;

    internal Interceptors.AuditSlot Audit { get; } = new();

    /// <summary>
    /// Records <paramref name="record"/> with this context's next save, in its transaction: an event
    /// that comes with a change (an account disabled, a password reset) is never written without it.
    /// </summary>
    /// <param name="who">Someone other than the context's caller: a person resetting a forgotten password is not signed in.</param>
    internal void StageAudit(AuditRecord record, AuditActor? who = null) => Audit.Staged.Add((record, who));

    // Under a retrying strategy (PostgreSQL) a save runs inside it and keeps its changes un-accepted until
    // the strategy is done: a failed attempt (say, the commit that appends the audit rows) then leaves the
    // tracker as it was, and the next attempt saves the same changes again. Inside a caller's transaction
    // or strategy (Transactions.InTransactionAsync) the caller's strategy re-runs the whole unit instead.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var strategy = Database.CreateExecutionStrategy();
        if (!strategy.RetriesOnFailure || Database.CurrentTransaction is not null) return base.SaveChanges(acceptAllChangesOnSuccess);
        var saved = strategy.Execute(this, static (_, db) => db.SaveOnce(), null);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var strategy = Database.CreateExecutionStrategy();
        if (!strategy.RetriesOnFailure || Database.CurrentTransaction is not null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var saved = await strategy.ExecuteAsync(this, static (_, db, ct) => db.SaveOnceAsync(ct), null, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    private int SaveOnce() => base.SaveChanges(acceptAllChangesOnSuccess: false);

    private Task<int> SaveOnceAsync(CancellationToken ct) => base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<ProfessionalSeries> Series => Set<ProfessionalSeries>();
    public DbSet<HoursRule> HoursRules => Set<HoursRule>();
    public DbSet<UnitAccount> UnitAccounts => Set<UnitAccount>();
    public DbSet<UnitOperator> UnitOperators => Set<UnitOperator>();
    public DbSet<SmsChallenge> SmsChallenges => Set<SmsChallenge>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<ApprovalHistory> ApprovalHistories => Set<ApprovalHistory>();
    public DbSet<CommonOpinion> CommonOpinions => Set<CommonOpinion>();
    public DbSet<Messages.Message> Messages => Set<Messages.Message>();
    public DbSet<Messages.MessageRead> MessageReads => Set<Messages.MessageRead>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<CourseCatalog> CourseCatalogs => Set<CourseCatalog>();
    public DbSet<CatalogCourse> CatalogCourses => Set<CatalogCourse>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<TrainingQualification> TrainingQualifications => Set<TrainingQualification>();
    public DbSet<TrainingPlan> TrainingPlans => Set<TrainingPlan>();
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();
    public DbSet<CeRecord> CeRecords => Set<CeRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Administration.RuntimeSetting> RuntimeSettings => Set<Administration.RuntimeSetting>();
    public DbSet<Teacher> Teachers => Set<Teacher>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<Exports.ExportFile> ExportFiles => Set<Exports.ExportFile>();
    public DbSet<Exports.ExportFileChunk> ExportFileChunks => Set<Exports.ExportFileChunk>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are UTC; PostgreSQL's timestamptz rejects any other Kind.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
