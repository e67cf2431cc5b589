using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Administration;

/// <summary>
/// What only the system administrator does with accounts: open the HRSS department (never
/// self-registered, see <see cref="UnitKinds.SelfRegistrable"/>), and 停用 / 启用 / 解锁 / 强制重置密码.
/// Called by the signed-in 系统管理员 (系统管理 → 账号管理) and by the server's command line
/// (docs/deploy.md); every call, refused or done, is audited. A signed-in administrator cannot act on
/// himself or on an account holding a system role: those are the command line's (docs/powers.md).
/// </summary>
public sealed class SystemAdministrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IPasswordHasher<AppUser> hasher,
    AuditLog audit,
    TimeProvider clock)
{
    private readonly HrssDepartmentFormValidator _validator = new();

    /// <summary>Opens the HRSS department with its unit login and its first authorised operator; returns the unit's id.</summary>
    public Task<int> CreateHrssDepartmentAsync(HrssDepartmentForm form, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.UnitCreated, form.UnitName, new { Kind = UnitKind.Hrss, form.Code, form.LoginName, form.OperatorLoginName }), async () =>
        {
            await currentUser.RequireSystemAdministratorAsync();
            await _validator.EnsureValidAsync(form, ct);
            await using var db = dbFactory.CreateDbContext();
            var unit = await AddHrssDepartmentAsync(db, form, hasher, clock, ct);
            db.StageAudit(new AuditRecord(AuditEvent.UnitCreated, unit.Name, new { Kind = UnitKind.Hrss, unit.Code, form.LoginName, form.OperatorLoginName },
                nameof(UnitAccount), unit.Id.ToString()));
            await db.SaveChangesAsync(ct);
            return unit.Id;
        }, ct);

    /// <summary>
    /// The creation itself on a given context. The demo data calls it inside its seeding transaction,
    /// so the demo's department is made exactly as an administrator makes one.
    /// </summary>
    internal static async Task<UnitAccount> AddHrssDepartmentAsync(AppDbContext db, HrssDepartmentForm form,
        IPasswordHasher<AppUser> hasher, TimeProvider clock, CancellationToken ct)
    {
        var existing = await db.UnitAccounts.AsNoTracking().Where(u => u.Kind == UnitKind.Hrss).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (existing is not null) throw new DomainException($"人社业务主管部门已开设（{existing}）：本系统只有一个人社业务主管部门");

        var normalized = form.OperatorLoginName.Trim().ToUpperInvariant();
        var person = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Kind == AccountKind.Personal, ct)
            ?? throw new ValidationFailedException(nameof(form.OperatorLoginName), $"个人账号“{form.OperatorLoginName}”不存在");
        if (!person.IsVerified)
            throw new ValidationFailedException(nameof(form.OperatorLoginName), "该个人账号尚未实名认证，不能作为人社业务主管部门的经办人");
        await UnitAccountService.EnsureUniqueAsync(db, form.LoginName, form.Code, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new UnitAccount
        {
            Name = form.UnitName.Trim(),
            Kind = UnitKind.Hrss,
            CodeType = form.CodeType,
            Code = form.Code.Trim().ToUpperInvariant(),
            // The department of Guangdong province: its scope is the whole province.
            RegionCode = ReferenceCatalog.ProvinceCode,
            OwnerUserId = person.Id,
            Status = UnitAccountStatus.Active,
            CreatedAt = now,
        };
        unit.Operators.Add(new UnitOperator
        {
            UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true,
            InvitedAt = now, AcceptedAt = now, AuthorisedAt = now,
        });
        await UnitAccountService.AddWithLoginAsync(db, unit, form.LoginName.Trim(), form.Password, hasher, clock, ct);
        return unit;
    }

    /// <summary>账号管理: accounts by login name, real name or unit name, kind and state; ID numbers and mobiles masked.</summary>
    public async Task<Page<AccountRow>> SearchAccountsAsync(AccountFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow();
        return await AccountQuery.PageAsync(db, filter, page, now, ct);
    }

    /// <summary>停用: the account can no longer sign in, and every open session of it ends (HTTP at once, open pages at the next revalidation).</summary>
    public Task DisableAccountAsync(string loginName, CancellationToken ct = default) =>
        ActOnAccountAsync(AuditEvent.AccountDisabled, loginName, (db, user, now) =>
        {
            if (user.IsDisabled) throw new DomainException($"账号“{user.UserName}”已处于停用状态");
            user.DisabledAt = now;
            return EndSessionsAsync(db, user, now, ct);
        }, ct);

    /// <summary>启用: a disabled account may sign in again.</summary>
    public Task EnableAccountAsync(string loginName, CancellationToken ct = default) =>
        ActOnAccountAsync(AuditEvent.AccountEnabled, loginName, (_, user, _) =>
        {
            if (!user.IsDisabled) throw new DomainException($"账号“{user.UserName}”未被停用");
            user.DisabledAt = null;
            return Task.CompletedTask;
        }, ct);

    /// <summary>解锁: lifts a lockout after too many wrong passwords before it runs out.</summary>
    public Task UnlockAccountAsync(string loginName, CancellationToken ct = default) =>
        ActOnAccountAsync(AuditEvent.AccountUnlocked, loginName, (_, user, now) =>
        {
            if (user.LockoutEnd is not { } end || end <= now) throw new DomainException($"账号“{user.UserName}”未被锁定");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// 强制重置密码: the password no longer opens the account and every session ends; the owner sets a new
    /// one with 忘记密码 (a code by SMS to the phone bound to the account), which nobody else receives.
    /// </summary>
    public Task ForcePasswordResetAsync(string loginName, CancellationToken ct = default) =>
        ActOnAccountAsync(AuditEvent.PasswordResetForced, loginName, (db, user, now) =>
        {
            user.PasswordHash = null;
            user.PasswordResetRequiredAt = now;
            return EndSessionsAsync(db, user, now, ct);
        }, ct);

    /// <summary>
    /// The server's command line only (docs/deploy.md): a 系统管理员 or 安全审计员 account. Neither is ever
    /// self-registered, and the signed-in administrator cannot make an auditor (or himself one).
    /// </summary>
    public Task<string> CreateSystemAccountAsync(SystemAccountForm form, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.SystemAccountCreated, form.LoginName, new { form.Role }), async () =>
        {
            var actor = await currentUser.RequireSystemAdministratorAsync();
            if (!actor.IsCommandLine) throw new ScopeException("系统管理员、安全审计员账号只能在服务器上用命令行开设");
            await new SystemAccountFormValidator().EnsureValidAsync(form, ct);
            await using var db = dbFactory.CreateDbContext();
            var normalized = form.LoginName.Trim().ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
                throw new ValidationFailedException(nameof(form.LoginName), $"登录账号“{form.LoginName}”已被注册，请换一个");
            var user = NewSystemAccount(form, hasher, clock);
            db.Users.Add(user);
            db.StageAudit(new AuditRecord(AuditEvent.SystemAccountCreated, user.UserName!, new { form.Role, Label = form.Role.ToLabel() }, nameof(AppUser), user.Id));
            await db.SaveChangesAsync(ct);
            return user.Id;
        }, ct);

    /// <summary>The account itself (the demo data makes its two the same way).</summary>
    internal static AppUser NewSystemAccount(SystemAccountForm form, IPasswordHasher<AppUser> hasher, TimeProvider clock)
    {
        var user = PersonalAccountService.NewUser(form.LoginName.Trim(), AccountKind.Personal, clock);
        user.PasswordHash = hasher.HashPassword(user, form.Password);
        user.RealName = form.RealName.Trim();
        user.PhoneNumber = form.Mobile.Trim();
        user.SystemRole = form.Role;
        return user;
    }

    /// <summary>Loads the account, checks the caller may act on it, applies the change and saves it with its audit row.</summary>
    private Task ActOnAccountAsync(AuditEvent kind, string loginName, Func<AppDbContext, AppUser, DateTime, Task> change, CancellationToken ct) =>
        audit.RefusalsOfAsync(new AuditRecord(kind, loginName.Trim(), Entity: nameof(AppUser)), async () =>
        {
            var actor = await currentUser.RequireSystemAdministratorAsync();
            await using var db = dbFactory.CreateDbContext();
            var normalized = loginName.Trim().ToUpperInvariant();
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
                ?? throw new DomainException($"账号“{loginName}”不存在");
            // The command line (the server's operator) may; a signed-in administrator may not touch himself or a system role.
            if (!actor.IsCommandLine)
            {
                if (user.Id == actor.UserId) throw new DomainException("不能对自己的账号执行该操作");
                if (user.SystemRole is { } role) throw new DomainException($"“{user.UserName}”是{role.ToLabel()}账号，只能在服务器上用命令行管理");
            }
            await change(db, user, clock.GetUtcNow().UtcDateTime);
            db.StageAudit(new AuditRecord(kind, user.UserName!, null, nameof(AppUser), user.Id));
            await db.SaveChangesAsync(ct);
        }, ct);

    private static async Task EndSessionsAsync(AppDbContext db, AppUser user, DateTime now, CancellationToken ct)
    {
        // A new stamp also refuses cookies issued before session records existed.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await SessionService.EndAllAsync(db, user.Id, SessionEndReason.AccountDisabled, now, null, ct);
    }
}
