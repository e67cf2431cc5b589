using System.Security.Cryptography;
using System.Text;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

/// <summary>Why a session ended before its time.</summary>
public enum SessionEndReason
{
    /// <summary>退出.</summary>
    SignedOut,
    /// <summary>Another account signed in in the same browser (one identity per browser).</summary>
    Replaced,
    /// <summary>The account's security stamp changed (password changed or reset, operator removed or de-authorised).</summary>
    StampChanged,
    /// <summary>The user changed or reset the password: every other session of the account ends.</summary>
    CredentialsChanged,
    /// <summary>The system administrator disabled the account (or its unit, or voided its password).</summary>
    AccountDisabled,
    /// <summary>The absolute lifetime (Security:AbsoluteSessionHours) ran out.</summary>
    Expired,
}

/// <summary>
/// One sign-in of one account in one browser, kept in the shared database so that every app instance
/// sees it end. The cookie carries a random token; only its SHA-256 is stored, so reading the table
/// does not yield a usable session.
/// </summary>
public sealed class SignInSession
{
    /// <summary>SHA-256 (hex) of the token in the cookie.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime StartedAt { get; set; }
    /// <summary>The absolute end (Security:AbsoluteSessionHours after the password was entered), however active the user is.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public SessionEndReason? EndReason { get; set; }
}

/// <summary>
/// Server-side sessions: started at sign-in, checked on every request and every circuit revalidation,
/// ended by 退出, by a password change or reset (all other sessions), and when the account is disabled.
/// </summary>
public sealed class SessionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Ended and expired rows are kept this long (a record of sign-ins), then deleted at the account's next sign-in.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Starts a session of <paramref name="userId"/> that ends at the latest after <paramref name="lifetime"/>; returns the token for the cookie.</summary>
    public async Task<string> StartAsync(string userId, TimeSpan lifetime, CancellationToken ct = default)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var stale = now - Retention;
        await db.SignInSessions.Where(s => s.UserId == userId && s.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        db.SignInSessions.Add(new SignInSession { Id = Hash(token), UserId = userId, StartedAt = now, ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>True while the session of <paramref name="token"/> belongs to <paramref name="userId"/>, has not ended and has not reached its absolute end.</summary>
    public async Task<bool> IsActiveAsync(string? token, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(userId)) return false;
        var id = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        return await db.SignInSessions.AsNoTracking()
            .AnyAsync(s => s.Id == id && s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now, ct);
    }

    /// <summary>
    /// Ends a session that has reached its absolute end (reason Expired). True only for the one call that
    /// ended it, on whichever instance, so its expiry is audited once.
    /// </summary>
    public async Task<bool> ExpireIfDueAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var id = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        return await db.SignInSessions.Where(s => s.Id == id && s.EndedAt == null && s.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, SessionEndReason.Expired), ct) == 1;
    }

    /// <summary>Ends one session (退出); a token of an ended or unknown session is ignored.</summary>
    public async Task EndAsync(string? token, SessionEndReason reason, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return;
        var id = Hash(token);
        await using var db = dbFactory.CreateDbContext();
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == id && s.EndedAt == null, ct);
        if (session is null) return;
        End(session, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends every open session of <paramref name="userId"/> except <paramref name="exceptToken"/> (the
    /// caller's own, after a password change); returns how many ended. The other browsers are refused
    /// on their next request, and their open pages within Security:RevalidationSeconds.
    /// </summary>
    public async Task<int> EndAllAsync(string userId, SessionEndReason reason, string? exceptToken = null, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var ended = await EndAllAsync(db, userId, reason, clock.GetUtcNow().UtcDateTime, exceptToken, ct);
        await db.SaveChangesAsync(ct);
        return ended;
    }

    /// <summary>The same on a caller's context, so that the change that ends the sessions is saved with it.</summary>
    internal static async Task<int> EndAllAsync(AppDbContext db, string userId, SessionEndReason reason, DateTime nowUtc, string? exceptToken, CancellationToken ct)
    {
        var except = exceptToken is null ? null : Hash(exceptToken);
        var open = await db.SignInSessions
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > nowUtc && s.Id != except)
            .ToListAsync(ct);
        foreach (var session in open) End(session, reason, nowUtc);
        return open.Count;
    }

    private static void End(SignInSession session, SessionEndReason reason, DateTime nowUtc)
    {
        session.EndedAt = nowUtc;
        session.EndReason = reason;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
