using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Domain.Demo;

/// <summary>
/// One feature's part of the demo data. Parts run in Order, all in one transaction, and only into
/// an empty database, so a restart never seeds twice.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct);
}

/// <summary>What the parts share: the units the accounts part made, keyed by short names.</summary>
public sealed class DemoContext(IPasswordHasher<AppUser> hasher, TimeProvider clock, string password)
{
    public Dictionary<string, UnitAccount> Units { get; } = [];
    public Dictionary<string, AppUser> Operators { get; } = [];
    public Dictionary<string, Authority> Authorities { get; } = [];
    public TimeProvider Clock { get; } = clock;
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public AppUser NewUser(string login, AccountKind kind)
    {
        var user = PersonalAccountService.NewUser(login, kind, Clock);
        user.PasswordHash = hasher.HashPassword(user, password);
        return user;
    }
}

public sealed class DemoDataRunner(IEnumerable<IDemoSeeder> seeders, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DemoDataRunner> logger)
{
    public async Task<bool> SeedIfEmptyAsync(AppDbContext db, DemoOptions options, CancellationToken ct = default)
    {
        if (!options.Enabled || await db.UnitAccounts.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return false;
        var demo = new DemoContext(hasher, clock, options.Password);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(db, demo, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo data seeded: {Units} units, {Operators} operators", demo.Units.Count, demo.Operators.Count);
        return true;
    }
}
