using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

/// <summary>
/// 用户密码重置 (1.1): a signed-in user changes his password; a user who forgot it resets it with a code
/// sent to the phone bound to the account (a unit account's: its owner's). Either way the security stamp
/// changes, which ends every other session of the account (the stamp is checked on each request and by
/// each circuit). Nothing here tells whether a login name exists.
/// </summary>
public sealed class PasswordService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IPasswordHasher<AppUser> hasher,
    ILookupNormalizer normalizer,
    SmsChallengeService sms,
    AuditLog audit,
    ClientContext client,
    TimeProvider clock)
{
    private readonly PasswordChangeValidator _changeValidator = new();
    private readonly PasswordResetRequestValidator _requestValidator = new();
    private readonly PasswordResetValidator _resetValidator = new();

    public const string CodeSentMessage = "如果该登录账号存在并已绑定手机号码，短信验证码已发送至该手机号码，请查收。";

    /// <summary>
    /// 修改密码: the current password is required. Returns the user's id: the page then ends the other
    /// sessions and renews its own cookie (SessionCookie.RenewAfterCredentialChangeAsync), which needs the HTTP response.
    /// </summary>
    public async Task<string> ChangeAsync(PasswordChange form, CancellationToken ct = default)
    {
        var caller = await currentUser.GetActorAsync();
        return await audit.RefusalsOfAsync(new AuditRecord(AuditEvent.PasswordChanged, caller?.UserName ?? "", Entity: nameof(AppUser), EntityKey: caller?.UserId ?? ""), async () =>
        {
            var actor = await currentUser.RequireActorAsync();
            await _changeValidator.EnsureValidAsync(form, ct);
            await using var db = dbFactory.CreateDbContext();
            var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
            if (user.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, form.CurrentPassword) == PasswordVerificationResult.Failed)
                throw new ValidationFailedException(nameof(form.CurrentPassword), "原密码不正确");
            SetPassword(user, form.NewPassword);
            db.StageAudit(new AuditRecord(AuditEvent.PasswordChanged, user.UserName!, null, nameof(AppUser), user.Id));
            await db.SaveChangesAsync(ct);
            return user.Id;
        }, ct);
    }

    /// <summary>Step 1: sends a code to the account's phone. The same answer whether or not the account exists.</summary>
    public async Task SendResetCodeAsync(PasswordResetRequest form, CancellationToken ct = default)
    {
        await _requestValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var (user, phone) = await FindAsync(db, form.LoginName, ct);
        await sms.IssueAsync(db, SmsPurpose.PasswordReset, Subject(form.LoginName, user), phone, ct);
    }

    /// <summary>Step 2: with the right code, sets the new password, ends every session and lifts a lockout, in one save.</summary>
    public Task ResetAsync(PasswordReset form, CancellationToken ct = default) =>
        // Whoever resets is not signed in: the row names the login name given.
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.PasswordReset, form.LoginName.Trim(), Entity: nameof(AppUser)), async () =>
        {
            await _resetValidator.EnsureValidAsync(form, ct);
            await using var db = dbFactory.CreateDbContext();
            var (user, _) = await FindAsync(db, form.LoginName, ct);
            await sms.VerifyAsync(db, SmsPurpose.PasswordReset, Subject(form.LoginName, user), form.SmsCode, ct);
            // A decoy's code is never known, so an unknown account cannot get past VerifyAsync.
            if (user is null) throw new ValidationFailedException(SmsChallengeService.CodeField, "短信验证码不正确");
            SetPassword(user, form.NewPassword);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            // A password the administrator voided (强制重置密码) is replaced here.
            user.PasswordResetRequiredAt = null;
            // Every session ends in the same save: the open pages too, at their next revalidation.
            await SessionService.EndAllAsync(db, user.Id, SessionEndReason.CredentialsChanged, clock.GetUtcNow().UtcDateTime, null, ct);
            db.StageAudit(new AuditRecord(AuditEvent.PasswordReset, user.UserName!, null, nameof(AppUser), user.Id), Anonymous(form.LoginName, user.Id));
            await db.SaveChangesAsync(ct);
        }, ct, Anonymous(form.LoginName, null));

    private AuditActor Anonymous(string loginName, string? userId) => AuditActor.Unauthenticated(loginName.Trim(), userId, "", client.Address);

    private void SetPassword(AppUser user, string password)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        // A new stamp signs out every session that carries the old one.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private async Task<(AppUser? User, string? Phone)> FindAsync(AppDbContext db, string loginName, CancellationToken ct)
    {
        var normalized = normalizer.NormalizeName(loginName.Trim());
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return (null, null);
        var phone = user.Kind == AccountKind.Personal
            ? user.PhoneNumber
            : await db.UnitAccounts.Where(u => u.LoginUserId == user.Id)
                .Join(db.Users, u => u.OwnerUserId, o => o.Id, (_, o) => o.PhoneNumber).FirstOrDefaultAsync(ct);
        return (user, string.IsNullOrEmpty(phone) ? null : phone);
    }

    /// <summary>The account's id; for an unknown name the name itself, so that its decoy codes count alike.</summary>
    private string Subject(string loginName, AppUser? user) =>
        user?.Id ?? "unknown:" + normalizer.NormalizeName(loginName.Trim());
}
