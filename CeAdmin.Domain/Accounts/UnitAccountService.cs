using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

public sealed record UnitOwner(string UserId, string MaskedName, string MaskedMobile);

public sealed record OperatorRow(int Id, string LoginName, string RealName, string MaskedIdNumber, OperatorStatus Status, bool Authorised, DateTime InvitedAt);

/// <summary>Unit accounts (1.1.3) and the unit's side of binding and authorising operators (1.1.4).</summary>
public sealed class UnitAccountService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IPasswordHasher<AppUser> hasher,
    SmsChallengeService sms,
    RequestThrottle throttle,
    AuditLog audit,
    TimeProvider clock,
    Inbox.InboxNotifier inbox)
{
    private readonly UnitOwnerFormValidator _ownerValidator = new();
    private readonly UnitRegistrationValidator _unitValidator = new();
    private readonly OperatorInvitationValidator _invitationValidator = new();

    /// <summary>Step 1: the unit belongs to a verified person (二级 or above).</summary>
    public async Task<UnitOwner> CheckOwnerAsync(UnitOwnerForm form, CancellationToken ct = default)
    {
        await _ownerValidator.EnsureValidAsync(form, ct);
        // Login name + ID number tells whether a verified person exists: limited like a sign-in.
        throttle.Enforce(ThrottledAction.Registration, form.OwnerLoginName);
        await using var db = dbFactory.CreateDbContext();
        var normalized = form.OwnerLoginName.Trim().ToUpperInvariant();
        var idNumber = IdNumber.Normalize(form.OwnerIdNumber);
        var user = await db.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Kind == AccountKind.Personal, ct);
        if (user is null || user.IdNumber != idNumber)
            throw new ValidationFailedException(nameof(form.OwnerIdNumber), "证件号不存在：实名个人登录账号与证件号码不匹配，请核对后重试");
        if (!user.IsVerified)
            throw new DomainException("当前账号实名认证等级不足，请至少提升至二级实名认证");
        return new UnitOwner(user.Id, MaskName(user.RealName), MaskMobile(user.PhoneNumber));
    }

    /// <summary>
    /// Step 2: checks the unit form and sends the SMS code to the owner's mobile (a resend waits
    /// <see cref="SmsChallengeService.ResendSeconds"/>). Only the code's hash is saved.
    /// </summary>
    public async Task<string> SendRegistrationCodeAsync(UnitOwner owner, UnitRegistration form, CancellationToken ct = default)
    {
        await _unitValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        await EnsureUniqueAsync(db, form, ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.UserId, ct);
        if (string.IsNullOrEmpty(user.PhoneNumber)) throw new DomainException("实名个人账号未登记手机号码，无法发送短信验证码");
        throttle.Enforce(ThrottledAction.SmsCode, user.UserName);
        await sms.IssueAsync(db, SmsPurpose.UnitRegistration, Subject(owner, form), user.PhoneNumber, ct);
        return MaskMobile(user.PhoneNumber);
    }

    /// <summary>Step 3: with the right code, creates the unit account and its login in one save.</summary>
    public async Task<int> CompleteRegistrationAsync(UnitOwner owner, UnitRegistration form, string code, CancellationToken ct = default)
    {
        await _unitValidator.EnsureValidAsync(form, ct);
        throttle.Enforce(ThrottledAction.Registration, form.LoginName);
        await using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        // Wrong guesses count across resends; the used code is saved with the new account.
        await sms.VerifyAsync(db, SmsPurpose.UnitRegistration, Subject(owner, form), code, ct);
        await EnsureUniqueAsync(db, form, ct);
        var unit = new UnitAccount
        {
            Name = form.UnitName.Trim(),
            Kind = form.Kind,
            CodeType = form.CodeType,
            Code = form.Code.Trim().ToUpperInvariant(),
            RegionCode = form.RegionCode,
            OwnerUserId = owner.UserId,
            Status = UnitAccountStatus.Active,
            CreatedAt = now,
        };
        await AddWithLoginAsync(db, unit, form.LoginName, form.Password, hasher, clock, ct);
        return unit.Id;
    }

    /// <summary>Saves <paramref name="unit"/> with its own login (单位登录); shared with the administrator's creation of the HRSS department.</summary>
    internal static async Task AddWithLoginAsync(AppDbContext db, UnitAccount unit, string loginName, string password,
        IPasswordHasher<AppUser> hasher, TimeProvider clock, CancellationToken ct)
    {
        var login = PersonalAccountService.NewUser(loginName, AccountKind.Unit, clock);
        login.PasswordHash = hasher.HashPassword(login, password);
        unit.LoginUserId = login.Id;
        db.Users.Add(login);
        db.UnitAccounts.Add(unit);
        await db.SaveChangesAsync(ct);
        login.UnitAccountId = unit.Id;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<OperatorRow>> OperatorsAsync(CancellationToken ct = default)
    {
        var actor = await RequireUnitLoginAsync();
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.UnitOperators.AsNoTracking()
            .Where(o => o.UnitAccountId == actor.UnitId)
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.User!.UserName, o.User.RealName, o.User.IdNumber, o.Status, o.Authorised, o.InvitedAt })
            .ToListAsync(ct);
        return rows.Select(o => new OperatorRow(o.Id, o.UserName!, o.RealName ?? "", IdNumber.Mask(o.IdNumber), o.Status, o.Authorised, o.InvitedAt)).ToList();
    }

    /// <summary>新增经办人: the person must be a verified personal account whose name and ID match.</summary>
    public Task InviteOperatorAsync(OperatorInvitation form, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.OperatorInvited, form.LoginName.Trim(), Entity: nameof(UnitOperator)), async () =>
        {
            var actor = await RequireUnitLoginAsync();
            await _invitationValidator.EnsureValidAsync(form, ct);
            await using var db = dbFactory.CreateDbContext();
            var normalized = form.LoginName.Trim().ToUpperInvariant();
            var idNumber = IdNumber.Normalize(form.IdNumber);
            var person = await db.Users.AsNoTracking()
                .SingleOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Kind == AccountKind.Personal, ct);
            if (person is null || person.IdNumber != idNumber || person.RealName != form.RealName.Trim())
                throw new ValidationFailedException(nameof(form.LoginName), "未找到与该姓名、公民身份号码一致的实名个人账号");
            if (!person.IsVerified) throw new DomainException("该个人账号尚未实名认证，不能添加为经办人");
            if (await db.UnitOperators.AnyAsync(o => o.UnitAccountId == actor.UnitId && o.UserId == person.Id, ct))
                throw new ValidationFailedException(nameof(form.LoginName), $"“{form.LoginName}”已是本单位的经办人");

            var op = new UnitOperator
            {
                UnitAccountId = actor.UnitId,
                UserId = person.Id,
                Status = OperatorStatus.Invited,
                InvitedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.UnitOperators.Add(op);
            db.StageAudit(new AuditRecord(AuditEvent.OperatorInvited, person.UserName!, new { Unit = actor.UnitName }, nameof(AppUser), person.Id));
            // The person learns of it by 站内消息, in the same save: the binding waits for his 通过申请 (1.1.4).
            var unitName = await db.UnitAccounts.Where(u => u.Id == actor.UnitId).Select(u => u.Name).SingleAsync(ct);
            db.Messages.Add(Messages.Message.OfInvitation(person.Id, unitName, op.InvitedAt));
            await db.SaveChangesAsync(ct);
            inbox.Publish(Inbox.InboxChange.ForUser(person.Id));
        }, ct);

    /// <summary>授权 / 取消授权 the continuing-education system for an operator who accepted.</summary>
    public Task SetAuthorisedAsync(int operatorId, bool authorised, CancellationToken ct = default) =>
        OperatorActionAsync(authorised ? AuditEvent.OperatorAuthorised : AuditEvent.OperatorDeauthorised, operatorId, (db, op) =>
        {
            if (op.Status != OperatorStatus.Accepted) throw new DomainException("经办人尚未通过申请，不能授权");
            if (op.Authorised == authorised) return false;
            op.Authorised = authorised;
            op.AuthorisedAt = authorised ? clock.GetUtcNow().UtcDateTime : null;
            // A new stamp makes open sessions of the operator revalidate and lose the unit role.
            if (!authorised) op.User!.SecurityStamp = Guid.NewGuid().ToString("N");
            return true;
        }, ct);

    public Task RemoveOperatorAsync(int operatorId, CancellationToken ct = default) =>
        OperatorActionAsync(AuditEvent.OperatorRemoved, operatorId, (db, op) =>
        {
            op.User!.SecurityStamp = Guid.NewGuid().ToString("N");
            db.UnitOperators.Remove(op);
            return true;
        }, ct);

    /// <summary>An operator of the caller's own unit: the change, saved with its audit row; a refusal audited.</summary>
    private Task OperatorActionAsync(AuditEvent kind, int operatorId, Func<AppDbContext, UnitOperator, bool> change, CancellationToken ct) =>
        audit.RefusalsOfAsync(new AuditRecord(kind, $"UnitOperator#{operatorId}", Entity: nameof(UnitOperator), EntityKey: operatorId.ToString()), async () =>
        {
            var actor = await RequireUnitLoginAsync();
            await using var db = dbFactory.CreateDbContext();
            var op = await db.UnitOperators.Include(o => o.User)
                .SingleOrDefaultAsync(o => o.Id == operatorId && o.UnitAccountId == actor.UnitId, ct)
                ?? throw new ScopeException("该经办人不属于本单位");
            if (!change(db, op)) return;
            db.StageAudit(new AuditRecord(kind, op.User!.UserName!, new { Unit = actor.UnitName }, nameof(UnitOperator), operatorId.ToString()));
            await db.SaveChangesAsync(ct);
        }, ct);

    private async Task<Actor> RequireUnitLoginAsync()
    {
        var actor = await currentUser.RequireActorAsync();
        if (!actor.IsUnitLogin) throw new ScopeException("请使用单位账号登录后管理经办人");
        return actor;
    }

    private static async Task EnsureUniqueAsync(AppDbContext db, UnitRegistration form, CancellationToken ct)
    {
        await EnsureUniqueAsync(db, form.LoginName, form.Code, ct);
        if (!await db.Regions.AnyAsync(r => r.Code == form.RegionCode, ct))
            throw new ValidationFailedException(nameof(form.RegionCode), "单位所在地区不存在");
    }

    /// <summary>The unit's login name and its code are each registered once; the messages name the field ("LoginName", "Code").</summary>
    internal static async Task EnsureUniqueAsync(AppDbContext db, string loginName, string unitCode, CancellationToken ct)
    {
        var normalized = loginName.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            throw new ValidationFailedException(nameof(UnitRegistration.LoginName), $"登录账号“{loginName}”已被注册，请换一个");
        var code = unitCode.Trim().ToUpperInvariant();
        var existing = await db.UnitAccounts.AsNoTracking().Where(u => u.Code == code).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new ValidationFailedException(nameof(UnitRegistration.Code), $"单位证件号码{code}已被“{existing}”注册");
    }

    private static string Subject(UnitOwner owner, UnitRegistration form) => $"{owner.UserId}:{form.Code.Trim().ToUpperInvariant()}";

    internal static string MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? "" : name.Length == 1 ? name : "*" + name[1..];

    public static string MaskMobile(string? mobile) =>
        mobile is { Length: 11 } ? $"{mobile[..3]}****{mobile[7..]}" : "";
}
