using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// What a signed-in caller may do, by unit kind and by how far its applications got (docs/powers.md).
/// Pages and menus ask for one of these; the services check the same facts again themselves.
/// </summary>
[Flags]
public enum Power
{
    None = 0,
    /// <summary>个人账号实名认证, 我经办的单位账号信息: a person signed in without a unit role.</summary>
    PersonalAccount = 1 << 0,
    /// <summary>单位经办人员信息: a unit account's own login.</summary>
    ManageOperators = 1 << 1,
    /// <summary>行业部门（行业组织）角色申请: every authority, approved or not.</summary>
    ApplyForAuthorityRole = 1 << 2,
    /// <summary>An approved authority's own business: 信息维护, reviews of its subordinates and institutions, 记录导入, 行业主管查询.</summary>
    AuthorityBusiness = 1 << 3,
    /// <summary>专业课目录指南发布: an approved province-level authority.</summary>
    PublishCatalogs = 1 << 4,
    /// <summary>Oversight of its scope: 继续教育记录查询, 统计分析, 专业课计划审核 and 查询, 培训班查询, 学时规定 (read).</summary>
    Supervise = 1 << 5,
    /// <summary>省级行业主管角色申请审核 and 学时规定 maintenance: the HRSS department.</summary>
    HrssBusiness = 1 << 6,
    /// <summary>机构信息与专业培训资格申请, 培训班结业名单: every institution.</summary>
    InstitutionBusiness = 1 << 7,
    /// <summary>师资信息维护: approved authorities, institutions, employers.</summary>
    ManageTeachers = 1 << 8,
    /// <summary>专业课计划申报 / 备案: approved authorities, institutions with an approved 专业培训资格, employers.</summary>
    FilePlans = 1 << 9,
}

public static class UnitPowers
{
    /// <summary>Read from the database on every call, so an approval takes effect without signing in again.</summary>
    public static async Task<Power> OfAsync(AppDbContext db, Actor? actor, CancellationToken ct = default)
    {
        if (actor is null) return Power.None;
        if (actor.IsUnitLogin) return Power.ManageOperators;
        // The system roles hold no unit power (their pages have their own policies, docs/powers.md).
        if (actor.IsSystemAdministrator || actor.IsSecurityAuditor) return Power.None;
        if (actor.IsPersonal)
        {
            // A system account signed in before choosing its role is not a person who may bind units.
            var system = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.SystemRole).FirstOrDefaultAsync(ct);
            return system is null ? Power.PersonalAccount : Power.None;
        }

        // The kind in the cookie was read from the unit at sign-in; a unit's kind never changes.
        switch (actor.UnitKind)
        {
            case UnitKind.Hrss:
                return Power.Supervise | Power.HrssBusiness;
            case UnitKind.Employer:
                return Power.FilePlans | Power.ManageTeachers;
            case UnitKind.Institution:
                var qualified = await db.TrainingQualifications.AsNoTracking()
                    .AnyAsync(q => q.Institution!.UnitAccountId == actor.UnitId && q.ApprovedAt != null, ct);
                return Power.InstitutionBusiness | Power.ManageTeachers | (qualified ? Power.FilePlans : Power.None);
            case UnitKind.Authority:
                var approved = await db.Authorities.AsNoTracking()
                    .Where(a => a.UnitAccountId == actor.UnitId && a.ApprovedAt != null)
                    .Select(a => (AffiliationLevel?)a.Level)
                    .FirstOrDefaultAsync(ct);
                if (approved is null) return Power.ApplyForAuthorityRole;
                var powers = Power.ApplyForAuthorityRole | Power.AuthorityBusiness | Power.Supervise | Power.ManageTeachers | Power.FilePlans;
                return approved == AffiliationLevel.Province ? powers | Power.PublishCatalogs : powers;
            default:
                return Power.None;
        }
    }
}
