using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Audit;

/// <summary>Who an audit row names: the account, the unit and role it acted in, and the browser's address.</summary>
public sealed record AuditActor(string UserId, string UserName, int? UnitId, string UnitName, string Role, string ClientAddress)
{
    public const string SystemRole = "系统";

    /// <summary>The signed-in caller (null: the system itself — seeding, background jobs).</summary>
    public static AuditActor Of(Actor? actor, string? clientAddress) => actor is null
        ? new AuditActor("system", "系统", null, "", SystemRole, clientAddress ?? "")
        : new AuditActor(actor.UserId, actor.UserName, actor.UnitId == 0 ? null : actor.UnitId, actor.UnitName, RoleOf(actor), clientAddress ?? "");

    /// <summary>Someone not (yet) signed in, named by the login name he typed; <paramref name="userId"/> when the name is an account's.</summary>
    public static AuditActor Unauthenticated(string loginName, string? userId, string role, string? clientAddress) =>
        new(userId ?? "", loginName, null, "", role, clientAddress ?? "");

    public static string RoleOf(Actor actor) => actor switch
    {
        { IsSystemAdministrator: true } => SystemRoles.AdministratorLabel,
        { IsSecurityAuditor: true } => SystemRoles.AuditorLabel,
        { IsUnitLogin: true } => "单位账号",
        { IsPersonal: true } => "个人账号",
        { UnitKind: { } kind } => kind.ToLabel(),
        _ => "",
    };
}

/// <summary>
/// An event to record: its kind, what it concerned, and whether it succeeded (a refusal carries its
/// reason). Details (a filter, counts, a file name) are stored as JSON with identifiers masked.
/// </summary>
public sealed record AuditRecord(AuditEvent Event, string Target, object? Details = null, string Entity = "", string EntityKey = "", string? RefusedBecause = null)
{
    public AuditRecord Refused(string reason) => this with { RefusedBecause = reason };

    /// <param name="at">When it happened, by the services' clock (the chain keeps times from going backwards).</param>
    internal AuditEntry ToEntry(AuditActor who, DateTime at) => new()
    {
        At = at,
        UserId = who.UserId,
        UserName = who.UserName,
        UnitId = who.UnitId,
        UnitName = who.UnitName,
        Role = who.Role,
        ClientAddress = who.ClientAddress,
        Event = Event,
        Target = Target,
        Result = RefusedBecause is null ? AuditResult.Succeeded : AuditResult.Refused,
        Reason = RefusedBecause ?? "",
        Entity = Entity,
        EntityKey = EntityKey,
        Changes = AuditMasking.Serialize(Details),
    };
}

/// <summary>What a component needs to record an event (the export button; tests give it a fake).</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken ct = default);
}

/// <summary>
/// Records events that are not (only) a data change: sign-ins, refusals, views of personal data,
/// exports. An event that comes with a change is staged on the change's context instead
/// (<see cref="AppDbContext.StageAudit"/>) and lands in the same transaction.
/// </summary>
public sealed class AuditLog(AppDbContextOptions contexts, ICurrentUser currentUser, ClientContext client, TimeProvider clock) : IAuditLog
{
    /// <summary>Records <paramref name="record"/> as done by the signed-in caller.</summary>
    public async Task RecordAsync(AuditRecord record, CancellationToken ct = default) =>
        await RecordAsync(record, AuditActor.Of(await currentUser.GetActorAsync(), client.Address), ct);

    /// <summary>Records <paramref name="record"/> as done by <paramref name="who"/> (a sign-in, before anyone is signed in).</summary>
    public async Task RecordAsync(AuditRecord record, AuditActor who, CancellationToken ct = default)
    {
        await using var db = contexts.Create();
        // Under PostgreSQL's retrying strategy the whole append runs again after a transient failure.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await db.Database.OpenConnectionAsync(token);
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await AuditChain.AppendAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), [record.ToEntry(who, clock.GetUtcNow().UtcDateTime)], sync: false, token);
            await tx.CommitAsync(token);
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/>; a refusal (a DomainException: scope, validation, a rule) is recorded
    /// as <paramref name="record"/> refused with its message, and thrown on. Success is recorded by the
    /// work itself, with its change.
    /// </summary>
    public async Task<T> RefusalsOfAsync<T>(AuditRecord record, Func<Task<T>> work, CancellationToken ct = default, AuditActor? who = null)
    {
        try
        {
            return await work();
        }
        catch (DomainException ex)
        {
            try
            {
                if (who is null) await RecordAsync(record.Refused(ex.Message), ct);
                else await RecordAsync(record.Refused(ex.Message), who, ct);
            }
            catch (Exception failure) when (failure is System.Data.Common.DbException or DomainException)
            {
                // The database itself is away (the refusal may be its outage): nothing was done, and the user sees why.
            }
            throw;
        }
    }

    public Task RefusalsOfAsync(AuditRecord record, Func<Task> work, CancellationToken ct = default, AuditActor? who = null) =>
        RefusalsOfAsync(record, async () => { await work(); return true; }, ct, who);
}
