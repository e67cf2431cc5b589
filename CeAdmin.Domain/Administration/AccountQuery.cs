using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Administration;

/// <summary>An account's state as 账号管理 shows it.</summary>
public enum AccountState { Normal, Locked, Disabled, PasswordReset }

/// <summary>账号管理's filters: login name, real name or unit name (contains), kind, state.</summary>
public sealed record AccountFilter(string? Text = null, AccountKind? Kind = null, AccountState? State = null);

/// <summary>A row of 账号管理; Name is the person's real name or the unit's name for a unit login.</summary>
public sealed record AccountRow(string Id, string LoginName, AccountKind Kind, string Name, string MaskedIdNumber, string MaskedMobile,
    SystemRole? SystemRole, AccountState State, DateTime CreatedAt);

public static class AccountLabels
{
    public static string ToLabel(this AccountState state) => state switch
    {
        AccountState.Locked => "已锁定",
        AccountState.Disabled => "已停用",
        AccountState.PasswordReset => "待重置密码",
        _ => "正常",
    };

    public static string ToLabel(this AccountKind kind) => kind == AccountKind.Unit ? "单位账号" : "个人账号";
}

internal static class AccountQuery
{
    public static async Task<Page<AccountRow>> PageAsync(AppDbContext db, AccountFilter filter, PageRequest page, DateTimeOffset now, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var upper = text.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || (u.RealName != null && u.RealName.Contains(text))
                || db.UnitAccounts.Any(a => a.LoginUserId == u.Id && a.Name.Contains(text)));
        }
        if (filter.Kind is { } kind) users = users.Where(u => u.Kind == kind);
        // SQLite cannot compare Identity's DateTimeOffset LockoutEnd: the few accounts that have one are checked here.
        var locked = filter.State is AccountState.Locked or AccountState.Normal
            ? (await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct))
                .Where(u => u.LockoutEnd > now).Select(u => u.Id).ToList()
            : [];
        users = filter.State switch
        {
            AccountState.Disabled => users.Where(u => u.DisabledAt != null),
            AccountState.PasswordReset => users.Where(u => u.DisabledAt == null && u.PasswordResetRequiredAt != null),
            AccountState.Locked => users.Where(u => u.DisabledAt == null && u.PasswordResetRequiredAt == null && locked.Contains(u.Id)),
            AccountState.Normal => users.Where(u => u.DisabledAt == null && u.PasswordResetRequiredAt == null && !locked.Contains(u.Id)),
            _ => users,
        };

        var total = await users.CountAsync(ct);
        var sorted = page.SortBy switch
        {
            nameof(AccountRow.CreatedAt) => users.OrderBy(u => u.CreatedAt, page.Descending).ThenBy(u => u.NormalizedUserName),
            nameof(AccountRow.Kind) => users.OrderBy(u => u.Kind, page.Descending).ThenBy(u => u.NormalizedUserName),
            _ => users.OrderBy(u => u.NormalizedUserName, page.Descending),
        };
        var rows = await sorted.PageBy(page)
            .Select(u => new
            {
                u.Id, u.UserName, u.Kind, u.RealName, u.IdNumber, u.PhoneNumber, u.SystemRole, u.DisabledAt, u.PasswordResetRequiredAt, u.LockoutEnd, u.CreatedAt,
                UnitName = db.UnitAccounts.Where(a => a.LoginUserId == u.Id).Select(a => a.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<AccountRow>(rows.Select(u => new AccountRow(
            u.Id, u.UserName!, u.Kind, u.UnitName ?? u.RealName ?? "", IdNumber.Mask(u.IdNumber), UnitAccountService.MaskMobile(u.PhoneNumber), u.SystemRole,
            u.DisabledAt is not null ? AccountState.Disabled
            : u.PasswordResetRequiredAt is not null ? AccountState.PasswordReset
            : u.LockoutEnd > now ? AccountState.Locked : AccountState.Normal,
            u.CreatedAt)).ToList(), total);
    }
}
