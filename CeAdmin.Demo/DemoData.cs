using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Demo;

/// <summary>
/// One feature's part of the demo data. Parts run in Order, all in one transaction, and only into
/// an empty database, so a restart never seeds twice.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct);
}

/// <summary>A demo unit with one authorised operator (and the unit's own login, operator + "_unit").</summary>
public sealed record DemoUnit(string Key, string Name, UnitKind Kind, string Region, string Operator, string RealName, string UsccBody);

/// <summary>What the parts share: the units the accounts part made, keyed by short names.</summary>
public sealed class DemoContext(IPasswordHasher<AppUser> hasher, TimeProvider clock, string password)
{
    private int _sequence = 100;

    public Dictionary<string, UnitAccount> Units { get; } = [];
    public Dictionary<string, AppUser> Operators { get; } = [];
    public Dictionary<string, Authority> Authorities { get; } = [];
    public TimeProvider Clock { get; } = clock;
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    // Hashing is deliberately slow (PBKDF2); every demo account has the same password, so hash it once.
    private string? _passwordHash;

    public AppUser NewUser(string login, AccountKind kind)
    {
        var user = PersonalAccountService.NewUser(login, kind, Clock);
        user.PasswordHash = _passwordHash ??= hasher.HashPassword(user, password);
        return user;
    }

    /// <summary>Adds the unit, its verified and authorised operator and its unit login; registers them under <see cref="DemoUnit.Key"/>.</summary>
    public UnitAccount AddUnit(AppDbContext db, DemoUnit u)
    {
        if (!UnitKinds.SelfRegistrable.Contains(u.Kind)) throw new InvalidOperationException($"{u.Name}: a {u.Kind} unit is opened by the administrator, see AddHrssDepartmentAsync.");
        var person = AddOperator(db, u);
        var login = NewUser(u.Operator + "_unit", AccountKind.Unit);
        db.Users.Add(login);

        var unit = new UnitAccount
        {
            Name = u.Name, Kind = u.Kind, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc(u.UsccBody),
            RegionCode = u.Region, OwnerUserId = person.Id, LoginUserId = login.Id,
            Status = UnitAccountStatus.Active, CreatedAt = Now,
        };
        unit.Operators.Add(new UnitOperator
        {
            UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true,
            InvitedAt = Now, AcceptedAt = Now, AuthorisedAt = Now,
        });
        db.UnitAccounts.Add(unit);
        Units[u.Key] = unit;
        Operators[u.Key] = person;
        return unit;
    }

    /// <summary>
    /// The HRSS department as the system administrator opens it (SystemAdministrationService), with
    /// <see cref="DemoUnit.Operator"/> as its first operator.
    /// </summary>
    public async Task<UnitAccount> AddHrssDepartmentAsync(AppDbContext db, DemoUnit u, CancellationToken ct)
    {
        var person = AddOperator(db, u);
        await db.SaveChangesAsync(ct);
        var unit = await SystemAdministrationService.AddHrssDepartmentAsync(db, new HrssDepartmentForm
        {
            UnitName = u.Name, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc(u.UsccBody),
            LoginName = u.Operator + "_unit", Password = password, OperatorLoginName = u.Operator,
        }, hasher, Clock, ct);
        Units[u.Key] = unit;
        Operators[u.Key] = person;
        return unit;
    }

    /// <summary>A 系统管理员 or 安全审计员 account, as the command line opens one (admin create-administrator / create-auditor).</summary>
    public AppUser AddSystemAccount(AppDbContext db, SystemRole role, string login, string realName, string mobile)
    {
        var user = SystemAdministrationService.NewSystemAccount(
            new SystemAccountForm { Role = role, LoginName = login, Password = password, RealName = realName, Mobile = mobile }, hasher, Clock);
        db.Users.Add(user);
        return user;
    }

    /// <summary>The unit's verified person, who registers it and operates it.</summary>
    private AppUser AddOperator(AppDbContext db, DemoUnit u)
    {
        var seq = _sequence++;
        var person = NewUser(u.Operator, AccountKind.Personal);
        person.RealName = u.RealName;
        person.IdNumber = DemoIds.IdNumber(u.Region == "440000" ? "440104" : u.Region, new DateOnly(1980, 1, 1).AddDays(seq * 37), seq);
        person.VerificationLevel = VerificationLevel.Level2;
        person.VerifiedAt = Now;
        person.PhoneNumber = $"1380000{seq + 1:D4}";
        db.Users.Add(person);
        return person;
    }

    /// <summary>The operator of the unit under <paramref name="key"/>, acting for it (for the review workflow's history).</summary>
    public Actor ActorOf(string key)
    {
        var unit = Units[key];
        return new Actor(Operators[key].Id, Operators[key].UserName!, unit.Id, unit.Name, unit.Kind);
    }
}

public sealed class DemoDataRunner(IEnumerable<IDemoSeeder> seeders, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DemoDataRunner> logger)
{
    public async Task<bool> SeedIfEmptyAsync(AppDbContext db, DemoOptions options, CancellationToken ct = default)
    {
        if (!options.Enabled || await db.UnitAccounts.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return false;
        var demo = await db.InTransactionAsync(async (db, ct) =>
        {
            // A fresh DemoContext per attempt: a retry after a transient failure starts from an empty database again.
            var demo = new DemoContext(hasher, clock, options.Password);
            foreach (var seeder in seeders.OrderBy(s => s.Order))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await seeder.SeedAsync(db, demo, ct);
                await db.SaveChangesAsync(ct);
                logger.LogDebug("Demo seeder {Seeder} took {Elapsed:F0} ms", seeder.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return demo;
        }, ct);
        logger.LogInformation("Demo data seeded: {Units} units, {Operators} operators", demo.Units.Count, demo.Operators.Count);
        return true;
    }
}
