using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Accounts;

/// <summary>
/// The name a screen shows for a person recorded by login name (审批流程's 操作人, 附件材料's 经办人): the
/// account's real name, or the login name when it has none (a unit login, "系统", an account since removed).
/// Looked up when shown, so rows written before the name was verified show it as well.
/// </summary>
public static class PersonNames
{
    public static async Task<Func<string, string>> OfAsync(AppDbContext db, IEnumerable<string> loginNames, CancellationToken ct)
    {
        var logins = loginNames.Distinct(StringComparer.Ordinal).ToList();
        var names = logins.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => u.UserName != null && logins.Contains(u.UserName) && u.RealName != null && u.RealName != "")
                .Select(u => new { UserName = u.UserName!, RealName = u.RealName! })
                .ToDictionaryAsync(u => u.UserName, u => u.RealName, StringComparer.Ordinal, ct);
        return login => names.GetValueOrDefault(login, login);
    }
}
