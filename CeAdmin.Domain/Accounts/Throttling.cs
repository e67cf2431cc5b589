using System.Threading.RateLimiting;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Accounts;

/// <summary>What an attacker would repeat: guessing passwords, codes, ID numbers, or sending SMS.</summary>
public enum ThrottledAction { SignIn, Registration, RealName, PasswordReset, SmsCode, CertificateCheck }

/// <summary>At most PerAddress requests from one client address and PerAccount for one account in each window (0: no limit).</summary>
public sealed class ThrottleRule
{
    public int PerAddress { get; set; }
    public int PerAccount { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The "Throttle" settings.</summary>
public sealed class ThrottleOptions
{
    public ThrottleRule SignIn { get; set; } = new() { PerAddress = 20, PerAccount = 10, WindowSeconds = 60 };
    public ThrottleRule Registration { get; set; } = new() { PerAddress = 10, PerAccount = 10, WindowSeconds = 600 };
    public ThrottleRule RealName { get; set; } = new() { PerAddress = 10, PerAccount = 5, WindowSeconds = 600 };
    public ThrottleRule PasswordReset { get; set; } = new() { PerAddress = 10, PerAccount = 5, WindowSeconds = 600 };
    public ThrottleRule SmsCode { get; set; } = new() { PerAddress = 10, PerAccount = 5, WindowSeconds = 600 };
    /// <summary>The public 学时证明 verification page: per client address only (nobody signs in).</summary>
    public ThrottleRule CertificateCheck { get; set; } = new() { PerAddress = 30, PerAccount = 0, WindowSeconds = 60 };

    public ThrottleRule For(ThrottledAction action) => action switch
    {
        ThrottledAction.SignIn => SignIn,
        ThrottledAction.Registration => Registration,
        ThrottledAction.RealName => RealName,
        ThrottledAction.PasswordReset => PasswordReset,
        ThrottledAction.CertificateCheck => CertificateCheck,
        _ => SmsCode,
    };
}

/// <summary>Too many requests; on HTTP endpoints the same refusal is a 429.</summary>
public sealed class ThrottledException(TimeSpan retryAfter) : DomainException(MessageFor(retryAfter))
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public static string MessageFor(TimeSpan retryAfter) =>
        $"操作过于频繁，请{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))}秒后再试";
}

/// <summary>
/// The app's one set of fixed-window limiters (System.Threading.RateLimiting), partitioned by action and
/// by client address or account. ASP.NET Core's rate-limiting middleware uses it for sign-in and password
/// pages posted over HTTP, <see cref="RequestThrottle"/> for actions over a circuit, so both count alike.
/// </summary>
public sealed class ThrottleLimits(ThrottleOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<ThrottleKey> _limiter = PartitionedRateLimiter.Create<ThrottleKey, ThrottleKey>(key =>
    {
        var rule = options.For(key.Action);
        var permits = key.ByAccount ? rule.PerAccount : rule.PerAddress;
        return permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds)),
                QueueLimit = 0,
            });
    });

    /// <summary>Takes one permit for the address and one for the account; null when both were granted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(ThrottledAction action, string? clientAddress, string? account)
    {
        TimeSpan? wait = null;
        foreach (var key in Keys(action, clientAddress, account))
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (lease.IsAcquired) continue;
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(options.For(action).WindowSeconds);
            wait = wait is { } w && w > retry ? w : retry;
        }
        return wait;
    }

    private static IEnumerable<ThrottleKey> Keys(ThrottledAction action, string? clientAddress, string? account)
    {
        if (!string.IsNullOrEmpty(clientAddress)) yield return new(action, false, clientAddress);
        // Unknown and existing accounts are counted alike, so the limit tells nothing about existence.
        if (!string.IsNullOrWhiteSpace(account)) yield return new(action, true, account.Trim().ToUpperInvariant());
    }

    public void Dispose() => _limiter.Dispose();

    private readonly record struct ThrottleKey(ThrottledAction Action, bool ByAccount, string Value);
}

/// <summary>The address of the browser behind the current request or circuit (set by the app).</summary>
public sealed class ClientContext
{
    public string? Address { get; set; }
}

/// <summary>Throttling inside services called over a circuit, where no HTTP endpoint limiter applies.</summary>
public sealed class RequestThrottle(ThrottleLimits limits, ClientContext client)
{
    public void Enforce(ThrottledAction action, string? account)
    {
        if (limits.TryAcquire(action, client.Address, account) is { } wait) throw new ThrottledException(wait);
    }
}
