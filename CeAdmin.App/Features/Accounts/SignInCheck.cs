using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The outcome of checking a login name and password: the user, or the message to show.</summary>
public sealed record SignInOutcome(AppUser? User, string? Error);

/// <summary>
/// Checks credentials without telling whether an account exists (docs/decisions/0012): an unknown name,
/// a name of the other kind (个人/单位) and a wrong password get the same message, and each runs the
/// password hasher once, so the answers also take about the same time. A locked or disabled account says
/// so only to whoever gives its correct password.
/// </summary>
public sealed class SignInCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SecurityOptions security)
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
            return new SignInOutcome(null, WrongMessage);
        }

        if (user.IsDisabled)
        {
            // Identity would refuse a disabled account (NotAllowed) before the hasher: the same treatment as a lockout.
            return await users.CheckPasswordAsync(user, password)
                ? new SignInOutcome(null, "该账号已被停用，请联系系统管理员。")
                : new SignInOutcome(null, WrongMessage);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity would refuse without looking at the password; checking it keeps the time, and only
            // the account's owner learns that it is locked.
            if (!await users.CheckPasswordAsync(user, password)) return new SignInOutcome(null, WrongMessage);
            var end = (await users.GetLockoutEndDateAsync(user))?.UtcDateTime ?? DateTime.UtcNow;
            var minutes = Math.Max(1, (int)Math.Ceiling((end - DateTime.UtcNow).TotalMinutes));
            return new SignInOutcome(null, $"账号已被锁定（连续{security.MaxFailedSignIns}次密码错误），请于{minutes}分钟后（{ChinaTime.Format(end)[11..16]}之后）再试。");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? new SignInOutcome(user, null) : new SignInOutcome(null, WrongMessage);
    }
}
