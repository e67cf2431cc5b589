using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The outcome of checking a login name and password: the user, or the message to show.</summary>
public sealed record SignInOutcome(AppUser? User, string? Error);

/// <summary>
/// Checks credentials without telling whether an account exists (docs/decisions/0012): an unknown name,
/// a name of the other kind (个人/单位) and a wrong password get the same message, and each runs the
/// password hasher once, so the answers also take about the same time. A locked or disabled account says
/// so only to whoever gives its correct password. Every attempt is audited (docs/decisions/0016) with the
/// login name typed, never the password: the audit row says what the user is not told (an unknown name).
/// </summary>
public sealed class SignInCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SecurityOptions security, TimeProvider clock,
    AuditLog audit, ClientContext client)
{
    // A real hash of a random password, so that checking against it costs what a real check costs.
    private static string? _decoyHash;

    public string WrongMessage =>
        $"登录账号或密码错误。连续{security.MaxFailedSignIns}次输入错误，账号将被锁定{security.LockoutMinutes}分钟。";

    public async Task<SignInOutcome> CheckAsync(AccountKind kind, string loginName, string password)
    {
        var user = await users.FindByNameAsync(loginName.Trim());
        if (user is null || user.Kind != kind)
        {
            var decoy = new AppUser { UserName = loginName };
            _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(decoy, _decoyHash, password);
            await RefusedAsync(kind, loginName.Trim(), null, user is null ? "登录账号不存在" : $"登录账号不是{KindLabel(kind)}");
            return new SignInOutcome(null, WrongMessage);
        }

        if (user.IsDisabled)
        {
            // Identity would refuse a disabled account (NotAllowed) before the hasher: the same treatment as a lockout.
            var right = await users.CheckPasswordAsync(user, password);
            await RefusedAsync(kind, user.UserName!, user.Id, right ? "账号已停用" : "密码错误（账号已停用）");
            return right ? new SignInOutcome(null, "该账号已被停用，请联系系统管理员。") : new SignInOutcome(null, WrongMessage);
        }

        if (user.PasswordResetRequiredAt is not null)
        {
            // 强制重置密码: there is no password to check; only 忘记密码 (an SMS code to the bound phone) sets a new one.
            await RefusedAsync(kind, user.UserName!, user.Id, "密码已被系统管理员强制重置");
            return new SignInOutcome(null, "该账号的密码已被系统管理员重置，请通过“忘记密码”设置新密码后登录。");
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity would refuse without looking at the password; checking it keeps the time, and only
            // the account's owner learns that it is locked.
            if (!await users.CheckPasswordAsync(user, password))
            {
                await RefusedAsync(kind, user.UserName!, user.Id, "密码错误（账号已锁定）");
                return new SignInOutcome(null, WrongMessage);
            }
            await RefusedAsync(kind, user.UserName!, user.Id, "账号已锁定");
            var now = clock.GetUtcNow().UtcDateTime;
            var end = (await users.GetLockoutEndDateAsync(user))?.UtcDateTime ?? now;
            var minutes = Math.Max(1, (int)Math.Ceiling((end - now).TotalMinutes));
            return new SignInOutcome(null, $"账号已被锁定（连续{security.MaxFailedSignIns}次密码错误），请于{minutes}分钟后（{ChinaTime.Format(end)[11..16]}之后）再试。");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded) return new SignInOutcome(user, null);
        await RefusedAsync(kind, user.UserName!, user.Id, "密码错误");
        if (result.IsLockedOut)
            await audit.RecordAsync(new AuditRecord(AuditEvent.Lockout, user.UserName!, new { security.MaxFailedSignIns, security.LockoutMinutes }, nameof(AppUser), user.Id),
                Who(kind, user.UserName!, user.Id));
        return new SignInOutcome(null, WrongMessage);
    }

    /// <summary>After the cookie was issued: the sign-in succeeded.</summary>
    public Task SignedInAsync(AccountKind kind, AppUser user) =>
        audit.RecordAsync(new AuditRecord(AuditEvent.SignIn, user.UserName!, null, nameof(AppUser), user.Id), Who(kind, user.UserName!, user.Id));

    /// <summary>A refusal after the password was right (a unit login whose unit cannot be entered).</summary>
    public Task RefusedAsync(AccountKind kind, AppUser user, string reason) => RefusedAsync(kind, user.UserName!, user.Id, reason);

    private Task RefusedAsync(AccountKind kind, string loginName, string? userId, string reason) =>
        audit.RecordAsync(new AuditRecord(AuditEvent.SignIn, loginName, null, nameof(AppUser), userId ?? "").Refused(reason), Who(kind, loginName, userId));

    private AuditActor Who(AccountKind kind, string loginName, string? userId) =>
        AuditActor.Unauthenticated(loginName, userId, KindLabel(kind), client.Address);

    private static string KindLabel(AccountKind kind) => kind == AccountKind.Unit ? "单位账号" : "个人账号";
}
