using System.Security.Cryptography;
using System.Text;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

/// <summary>The "Sms" settings of verification codes (the provider's own settings are the app's).</summary>
public sealed class SmsOptions
{
    /// <summary>A new code for the same phone or subject waits this long (the button counts down).</summary>
    public int ResendSeconds { get; set; } = 60;
    public int CodeMinutes { get; set; } = 5;
    /// <summary>Codes a phone (and a subject) may receive in one China calendar day.</summary>
    public int MaxPerPhonePerDay { get; set; } = 10;
    /// <summary>Wrong guesses a subject may make in one China calendar day, across resends.</summary>
    public int MaxWrongAttempts { get; set; } = 5;
}

/// <summary>A new code may not be sent yet; the page counts down from <see cref="SecondsLeft"/>.</summary>
public sealed class SmsResendWaitException(int secondsLeft) : DomainException($"验证码已发送，请{secondsLeft}秒后再重新获取")
{
    public int SecondsLeft { get; } = secondsLeft;
}

/// <summary>
/// Verification codes by SMS, for every use (单位账号注册, 用户密码重置): issuing with a resend wait and a
/// daily cap per phone and per subject, and verifying with a cap on wrong guesses that holds across
/// resends. Works on the caller's context so that using a code is saved with what it unlocks.
/// </summary>
public sealed class SmsChallengeService(ISmsSender sender, SmsOptions options, TimeProvider clock)
{
    public const string CodeField = "SmsCode";

    public int ResendSeconds => options.ResendSeconds;
    public int CodeMinutes => options.CodeMinutes;

    /// <summary>
    /// Sends a new code for <paramref name="subject"/> to <paramref name="phone"/> and saves its hash.
    /// With no phone (an unknown account) the same rules apply and a decoy is saved, but nothing is sent,
    /// so that the answer does not tell whether the account exists.
    /// </summary>
    public async Task IssueAsync(AppDbContext db, SmsPurpose purpose, string subject, string? phone, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayStart = ChinaDayStart(now);
        var since = Min(dayStart, now.AddSeconds(-options.ResendSeconds));
        var recent = await db.SmsChallenges.AsNoTracking()
            .Where(c => c.IssuedAt >= since && ((c.Purpose == purpose.Key && c.Subject == subject) || (phone != null && c.PhoneNumber == phone)))
            .Select(c => new { c.Purpose, c.Subject, c.PhoneNumber, c.IssuedAt, c.Attempts, c.UsedAt })
            .ToListAsync(ct);

        if (recent.Count > 0)
        {
            var left = (int)Math.Ceiling((recent.Max(c => c.IssuedAt).AddSeconds(options.ResendSeconds) - now).TotalSeconds);
            if (left > 0) throw new SmsResendWaitException(left);
        }
        var today = recent.Where(c => c.IssuedAt >= dayStart).ToList();
        if (today.Count(c => c.Purpose == purpose.Key && c.Subject == subject) >= options.MaxPerPhonePerDay
            || (phone is not null && today.Count(c => c.PhoneNumber == phone) >= options.MaxPerPhonePerDay))
            throw new DomainException($"该手机号码今天获取验证码已达{options.MaxPerPhonePerDay}次，请明天再试");
        var mine = today.Where(c => c.Purpose == purpose.Key && c.Subject == subject).OrderBy(c => c.IssuedAt).ToList();
        if (WrongSinceLastUse(mine.Select(c => (c.Attempts, c.UsedAt))) >= options.MaxWrongAttempts)
            throw new DomainException(TooManyWrong);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        // Sent before it is saved: a provider failure leaves nothing that blocks the next try.
        if (phone is not null) await sender.SendAsync(new SmsCodeMessage(phone, code, purpose, options.CodeMinutes), ct);
        db.SmsChallenges.Add(new SmsChallenge
        {
            Purpose = purpose.Key,
            Subject = subject,
            PhoneNumber = phone ?? "",
            CodeHash = Hash(code),
            IssuedAt = now,
            ExpiresAt = now.AddMinutes(options.CodeMinutes),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks the code against the subject's latest one. A wrong guess is saved at once and counts for the
    /// whole day, whichever code it was aimed at. The right code is marked used on <paramref name="db"/>:
    /// the caller saves it with what it unlocks. Throws <see cref="ValidationFailedException"/> on <see cref="CodeField"/>.
    /// </summary>
    public async Task VerifyAsync(AppDbContext db, SmsPurpose purpose, string subject, string? code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayStart = ChinaDayStart(now);
        var since = Min(dayStart, now.AddMinutes(-options.CodeMinutes));
        var challenges = await db.SmsChallenges
            .Where(c => c.Purpose == purpose.Key && c.Subject == subject && c.IssuedAt >= since)
            .OrderBy(c => c.IssuedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var latest = challenges.LastOrDefault();
        if (latest is null || latest.UsedAt is not null) throw Invalid("请先获取短信验证码");

        var wrong = WrongSinceLastUse(challenges.Where(c => c.IssuedAt >= dayStart).Select(c => (c.Attempts, c.UsedAt)));
        if (wrong >= options.MaxWrongAttempts) throw Invalid(TooManyWrong);
        if (latest.ExpiresAt < now) throw Invalid("短信验证码已过期，请重新获取");

        var given = Encoding.ASCII.GetBytes(Hash((code ?? "").Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            latest.Attempts++;
            await db.SaveChangesAsync(ct);
            var left = options.MaxWrongAttempts - wrong - 1;
            throw Invalid(left > 0 ? $"短信验证码不正确，还可输入{left}次" : TooManyWrong);
        }
        latest.UsedAt = now;
    }

    private const string TooManyWrong = "短信验证码错误次数过多，请明天再试";

    private static ValidationFailedException Invalid(string message) => new(CodeField, message);

    /// <summary>Wrong guesses since the last code that was used (a finished registration or reset starts afresh).</summary>
    private static int WrongSinceLastUse(IEnumerable<(int Attempts, DateTime? UsedAt)> inOrder)
    {
        var wrong = 0;
        foreach (var (attempts, usedAt) in inOrder) wrong = usedAt is null ? wrong + attempts : 0;
        return wrong;
    }

    private static DateTime ChinaDayStart(DateTime utc)
    {
        var local = ChinaTime.ToLocal(utc);
        return DateTime.SpecifyKind(utc - (local - local.Date), DateTimeKind.Utc);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
