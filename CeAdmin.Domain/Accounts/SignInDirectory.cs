using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

public sealed record UnitRole(int UnitId, string UnitName, UnitKind Kind);

/// <summary>Which unit roles a signed-in person may enter (the "choose the unit role" dialog).</summary>
public sealed class SignInDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnitRole>> RolesForAsync(string userId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.UnitOperators.AsNoTracking()
            .Where(o => o.UserId == userId && o.Status == OperatorStatus.Accepted && o.Authorised
                        && o.UnitAccount!.Status == UnitAccountStatus.Active)
            .OrderBy(o => o.UnitAccount!.Name)
            .Select(o => new UnitRole(o.UnitAccountId, o.UnitAccount!.Name, o.UnitAccount.Kind))
            .ToListAsync(ct);
    }

    /// <summary>Why a person has no role to enter, for the sign-in message.</summary>
    public async Task<string> WhyNoRoleAsync(string userId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var ops = await db.UnitOperators.AsNoTracking().Where(o => o.UserId == userId)
            .Select(o => new { o.Status, o.Authorised }).ToListAsync(ct);
        if (ops.Count == 0) return "您的个人账号尚未绑定任何单位：请单位账号在“单位经办人员信息”中新增您为经办人。";
        if (ops.All(o => o.Status == OperatorStatus.Invited)) return "单位已添加您为经办人：请在“我经办的单位账号信息”中通过申请。";
        return "您经办的单位尚未授权您使用继续教育系统：请联系单位账号在“单位经办人员信息”中授权。";
    }

    /// <summary>The unit whose own login this account is; null for a disabled unit, which cannot be entered.</summary>
    public async Task<UnitRole?> UnitLoginAsync(string userId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.UnitAccounts.AsNoTracking()
            .Where(u => u.LoginUserId == userId && u.Status == UnitAccountStatus.Active)
            .Select(u => new UnitRole(u.Id, u.Name, u.Kind))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>系统管理员 or 安全审计员, when the account holds one (offered in the "choose the role" step).</summary>
    public async Task<SystemRole?> SystemRoleAsync(string userId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SystemRole).FirstOrDefaultAsync(ct);
    }
}
