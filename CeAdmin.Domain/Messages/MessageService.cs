using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Messages;

/// <summary>The filter of the message list: all, or only the unread ones.</summary>
public sealed record MessageFilter(bool UnreadOnly = false);

/// <summary>A row of 站内消息.</summary>
public sealed record MessageRow(int Id, MessageTopic Topic, string Title, string Body, DateTime CreatedAt, bool Read, ReviewKind? SubjectKind, int? SubjectId);

/// <summary>
/// 站内消息 of the signed-in account: its personal messages, and while it acts for a unit, that unit's. Nobody
/// else's, by list or by id. Marking read is per account.
/// </summary>
public sealed class MessageService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Inbox.InboxNotifier inbox)
{
    public const string NotFoundMessage = "该消息不存在或不属于当前账号";

    public async Task<Page<MessageRow>> ListAsync(MessageFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var actor = await RequireReaderAsync();
        await using var db = dbFactory.CreateDbContext();
        var messages = db.Messages.AsNoTracking().VisibleTo(actor);
        if (filter.UnreadOnly) messages = messages.Where(m => !db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == actor.UserId));
        var total = await messages.CountAsync(ct);
        var rows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).PageBy(page)
            .Select(m => new MessageRow(m.Id, m.Topic, m.Title, m.Body, m.CreatedAt,
                db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == actor.UserId), m.SubjectKind, m.SubjectId))
            .ToListAsync(ct);
        return new Page<MessageRow>(rows, total);
    }

    /// <summary>The top bar's badge: how many of the caller's messages the caller has not read.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var actor = await RequireReaderAsync();
        await using var db = dbFactory.CreateDbContext();
        return await db.Messages.AsNoTracking().VisibleTo(actor)
            .CountAsync(m => !db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == actor.UserId), ct);
    }

    /// <summary>Marks one message read for the caller and returns it; refused for a message the caller may not read.</summary>
    public async Task<MessageRow> MarkReadAsync(int messageId, CancellationToken ct = default)
    {
        var actor = await RequireReaderAsync();
        await using var db = dbFactory.CreateDbContext();
        var message = await db.Messages.AsNoTracking().VisibleTo(actor).Where(m => m.Id == messageId)
            .Select(m => new MessageRow(m.Id, m.Topic, m.Title, m.Body, m.CreatedAt, true, m.SubjectKind, m.SubjectId))
            .SingleOrDefaultAsync(ct) ?? throw new ScopeException(NotFoundMessage);
        if (!await db.MessageReads.AnyAsync(r => r.MessageId == messageId && r.UserId == actor.UserId, ct))
            await SaveReadsAsync(db, actor, [messageId], ct);
        return message;
    }

    /// <summary>全部标为已读: every message the caller may read and has not read yet.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var actor = await RequireReaderAsync();
        await using var db = dbFactory.CreateDbContext();
        var unread = await db.Messages.AsNoTracking().VisibleTo(actor)
            .Where(m => !db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == actor.UserId))
            .Select(m => m.Id).ToListAsync(ct);
        if (unread.Count > 0) await SaveReadsAsync(db, actor, unread, ct);
        return unread.Count;
    }

    private async Task SaveReadsAsync(AppDbContext db, Actor actor, IReadOnlyList<int> messageIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.MessageReads.AddRange(messageIds.Select(id => new MessageRead { MessageId = id, UserId = actor.UserId, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same account marked them read meanwhile (another tab): the outcome asked for holds.
            if (!await AllReadAsync(messageIds, actor, ct)) throw;
        }
        // The account's badge and 未读消息 card in its other open pages.
        inbox.Publish(Inbox.InboxChange.ForUser(actor.UserId));
    }

    private async Task<bool> AllReadAsync(IReadOnlyList<int> messageIds, Actor actor, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.MessageReads.CountAsync(r => messageIds.Contains(r.MessageId) && r.UserId == actor.UserId, ct) == messageIds.Count;
    }

    /// <summary>Any signed-in person or unit operator; a unit account's own login manages operators and receives nothing.</summary>
    private async Task<Actor> RequireReaderAsync()
    {
        var actor = await currentUser.RequireActorAsync();
        if (actor.IsUnitLogin || actor.IsSystemAdministrator) throw new ScopeException("无权执行该操作：请以个人账号或单位经办人登录后查看站内消息");
        return actor;
    }
}

public static class MessageQueries
{
    /// <summary>The one rule of who reads a message: the account it is addressed to, or an operator acting for the unit it is addressed to.</summary>
    public static IQueryable<Message> VisibleTo(this IQueryable<Message> messages, Actor actor) =>
        actor.IsPersonal || actor.IsUnitLogin
            ? messages.Where(m => m.RecipientUserId == actor.UserId)
            : messages.Where(m => m.RecipientUserId == actor.UserId || m.RecipientUnitId == actor.UnitId);
}
