using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

public sealed record PersonalProfile(string UserId, string LoginName, string? RealName, string? MaskedIdNumber, VerificationLevel Level, string? Mobile);

public sealed record MyUnitRow(int OperatorId, string UnitName, string UnitCode, string UnitKind, OperatorStatus Status, bool Authorised, DateTime InvitedAt);

/// <summary>Personal accounts (1.1.1, 1.1.2) and the operator's side of binding (我经办的单位账号信息).</summary>
public sealed class PersonalAccountService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IPasswordHasher<AppUser> hasher,
    ILookupNormalizer normalizer,
    IRealNameVerifier verifier,
    RequestThrottle throttle,
    AuditLog audit,
    TimeProvider clock,
    Inbox.InboxNotifier inbox)
{
    private readonly PersonalRegistrationValidator _registrationValidator = new();
    private readonly RealNameFormValidator _realNameValidator = new();

    public async Task<string> RegisterAsync(PersonalRegistration form, CancellationToken ct = default)
    {
        await _registrationValidator.EnsureValidAsync(form, ct);
        throttle.Enforce(ThrottledAction.Registration, form.LoginName);
        await using var db = dbFactory.CreateDbContext();
        var normalized = normalizer.NormalizeName(form.LoginName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            throw new ValidationFailedException(nameof(form.LoginName), $"登录账号“{form.LoginName}”已被注册，请换一个");

        var user = NewUser(form.LoginName, AccountKind.Personal, clock);
        user.PhoneNumber = form.Mobile;
        user.PasswordHash = hasher.HashPassword(user, form.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task<PersonalProfile> GetProfileAsync(CancellationToken ct = default)
    {
        var actor = await RequirePersonalAsync();
        await using var db = dbFactory.CreateDbContext();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == actor.UserId, ct);
        return new PersonalProfile(u.Id, u.UserName!, u.RealName, u.IdNumber is null ? null : IdNumber.Mask(u.IdNumber), u.VerificationLevel, u.PhoneNumber);
    }

    /// <summary>实名认证: goes through the verifier; one personal account per ID number.</summary>
    public async Task<RealNameResult> VerifyRealNameAsync(RealNameForm form, CancellationToken ct = default)
    {
        var actor = await RequirePersonalAsync();
        await _realNameValidator.EnsureValidAsync(form, ct);
        // Each try asks the identity service about a name and an ID number.
        throttle.Enforce(ThrottledAction.RealName, actor.UserName);
        var idNumber = IdNumber.Normalize(form.IdNumber);
        await using var db = dbFactory.CreateDbContext();
        var user = await db.Users.SingleAsync(x => x.Id == actor.UserId, ct);
        if (user.IsVerified) throw new DomainException("该账号已完成实名认证，无需重复认证");
        if (await db.Users.AnyAsync(u => u.IdNumber == idNumber && u.Id != user.Id, ct))
            throw new ValidationFailedException(nameof(form.IdNumber), "该公民身份号码已被其他个人账号实名认证，一人只能实名认证一个账号");

        var result = await verifier.VerifyAsync(form.RealName.Trim(), idNumber, ct);
        if (!result.Passed) throw new DomainException($"实名认证未通过：{result.Message}");
        user.RealName = form.RealName.Trim();
        user.IdNumber = idNumber;
        user.VerificationLevel = result.Level;
        user.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<MyUnitRow>> MyUnitsAsync(CancellationToken ct = default)
    {
        var actor = await RequirePersonalAsync();
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.UnitOperators.AsNoTracking()
            .Where(o => o.UserId == actor.UserId)
            .OrderByDescending(o => o.InvitedAt)
            .Select(o => new { o.Id, o.UnitAccount!.Name, o.UnitAccount.Code, o.UnitAccount.Kind, o.Status, o.Authorised, o.InvitedAt })
            .ToListAsync(ct);
        return rows.Select(o => new MyUnitRow(o.Id, o.Name, o.Code, o.Kind.ToLabel(), o.Status, o.Authorised, o.InvitedAt)).ToList();
    }

    /// <summary>通过申请: the operator accepts the unit's invitation, which binds the two accounts.</summary>
    public Task AcceptAsync(int operatorId, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.OperatorBound, $"UnitOperator#{operatorId}", Entity: nameof(UnitOperator), EntityKey: operatorId.ToString()), async () =>
        {
            var actor = await RequirePersonalAsync();
            await using var db = dbFactory.CreateDbContext();
            var op = await db.UnitOperators.Include(o => o.UnitAccount).SingleOrDefaultAsync(o => o.Id == operatorId && o.UserId == actor.UserId, ct)
                ?? throw new ScopeException("该经办申请不存在或不属于当前账号");
            if (op.Status == OperatorStatus.Accepted) throw new DomainException("已通过该单位的经办申请，无需重复操作");
            op.Status = OperatorStatus.Accepted;
            op.AcceptedAt = clock.GetUtcNow().UtcDateTime;
            db.StageAudit(new AuditRecord(AuditEvent.OperatorBound, op.UnitAccount!.Name, new { Operator = actor.UserName }, nameof(UnitOperator), op.Id.ToString()));
            await db.SaveChangesAsync(ct);
            // The unit's own login now has an operator to authorise; the person's 待办 has one invitation less.
            inbox.Publish(new Inbox.InboxChange([op.UnitAccountId], [actor.UserId]));
        }, ct);

    private async Task<Actor> RequirePersonalAsync()
    {
        var actor = await currentUser.RequireActorAsync();
        if (!actor.IsPersonal) throw new ScopeException("请使用个人账号登录后操作");
        return actor;
    }

    internal static AppUser NewUser(string loginName, AccountKind kind, TimeProvider clock) => new()
    {
        UserName = loginName,
        NormalizedUserName = loginName.ToUpperInvariant(),
        Kind = kind,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };
}
