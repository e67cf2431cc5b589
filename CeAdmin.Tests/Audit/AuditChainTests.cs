using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// The hash chain (docs/decisions/0016): rows get gap-free ids in commit order from one head row, each
/// links to the one before, a rolled-back change leaves nothing, concurrent writers form one chain, and
/// any change made to the table behind the app's back is found by the verifier.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditChainTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var db = _app.Db();
        return await AuditVerifier.VerifyAsync(db, DateTime.UtcNow);
    }

    private async Task<long> LastIdAsync()
    {
        await using var db = _app.Db();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    [Fact]
    public async Task A_write_is_chained_with_its_change_and_the_identifier_masked()
    {
        var idNumber = DemoIds.IdNumber("440106", new DateOnly(1980, 5, 6), 321);
        await using (var db = _app.Db())
        {
            db.Users.Add(new AppUser { UserName = "chain_user", NormalizedUserName = "CHAIN_USER", IdNumber = idNumber, PhoneNumber = "13912345678", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var db = _app.Db())
        {
            var row = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal((AuditEvent.DataWrite, AuditResult.Succeeded, "AppUser", "Added"), (row.Event, row.Result, row.Entity, row.Action));
            Assert.DoesNotContain(idNumber, row.Changes);
            Assert.Contains(IdNumber.Mask(idNumber), row.Changes);
            Assert.DoesNotContain("13912345678", row.Changes);
            Assert.Contains("139****5678", row.Changes);
            Assert.Equal(AuditChain.HashOf(row), row.Hash);
            var before = await db.AuditEntries.Where(e => e.Id == row.Id - 1).Select(e => e.Hash).SingleOrDefaultAsync();
            var head = await db.AuditChainHeads.SingleAsync();
            Assert.Equal(before ?? head.FirstPreviousHash, row.PreviousHash);
            Assert.Equal((row.Id, row.Hash), (head.LastId, head.LastHash));
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_row_and_no_gap()
    {
        var last = await LastIdAsync();
        // Explicit transactions run inside the execution strategy (PostgreSQL's retries, docs/decisions/0015).
        await InTransactionAsync(async (db, tx) =>
        {
            db.Users.Add(new AppUser { UserName = "rolled_back", NormalizedUserName = "ROLLED_BACK", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });
        // Disposed without a commit: the buffered rows are dropped too.
        await InTransactionAsync(async (db, _) =>
        {
            db.Users.Add(new AppUser { UserName = "abandoned", NormalizedUserName = "ABANDONED", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        Assert.Equal(last, await LastIdAsync());

        await InTransactionAsync(async (db, tx) =>
        {
            db.Users.Add(new AppUser { UserName = "committed_1", NormalizedUserName = "COMMITTED_1", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            db.Users.Add(new AppUser { UserName = "committed_2", NormalizedUserName = "COMMITTED_2", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            // Nothing is appended before the commit: the head is locked only from there to the commit.
            await using (var other = _app.Db())
                Assert.Equal(last, await other.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0);
            await tx.CommitAsync();
        });
        await using (var db = _app.Db())
        {
            var rows = await db.AuditEntries.Where(e => e.Id > last).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([last + 1, last + 2], rows.Select(r => r.Id));
            Assert.All(rows, r => Assert.StartsWith("AppUser#", r.Target));
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_writers_form_one_gap_free_chain()
    {
        var last = await LastIdAsync();
        const int writers = 8, each = 5;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await using var db = _app.Db();
                db.Users.Add(new AppUser { UserName = $"writer_{w}_{i}", NormalizedUserName = $"WRITER_{w}_{i}", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
        })));
        await using (var db = _app.Db())
        {
            var ids = await db.AuditEntries.Where(e => e.Id > last).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            Assert.Equal(Enumerable.Range(1, writers * each).Select(i => last + i), ids);
            var times = await db.AuditEntries.Where(e => e.Id > last).OrderBy(e => e.Id).Select(e => e.At).ToListAsync();
            Assert.Equal(times.Order(), times);
        }
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Summary);
    }

    [Fact]
    public async Task Altering_deleting_or_relinking_a_row_behind_the_apps_back_is_found()
    {
        for (var i = 0; i < 6; i++)
        {
            await using var db = _app.Db();
            db.Users.Add(new AppUser { UserName = $"tamper_{i}", NormalizedUserName = $"TAMPER_{i}", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var last = await LastIdAsync();
        Assert.True((await VerifyAsync()).Intact);

        // Someone with database access edits a row: its hash no longer matches.
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone_else' WHERE \"Id\" = {last - 4}");
        var altered = await VerifyAsync();
        Assert.False(altered.Intact);
        Assert.Equal(last - 4, altered.Breaks[0].Id);
        Assert.Contains("被修改", altered.Breaks[0].Problem);

        // … and recomputes that row's hash: the next row's link breaks.
        await using (var db = _app.Db())
        {
            var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == last - 4);
            await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = '{AuditChain.HashOf(row)}' WHERE \"Id\" = {last - 4}");
        }
        var relinked = await VerifyAsync();
        Assert.Equal(last - 3, Assert.Single(relinked.Breaks).Id);
        Assert.Contains("链接断开", relinked.Breaks[0].Problem);

        // A deleted row is a gap; deleted last rows no longer match the head.
        await ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {last - 1} OR \"Id\" = {last}");
        var deleted = await VerifyAsync();
        Assert.Contains(deleted.Breaks, b => b.Id == last - 1 && b.Problem.Contains("缺失"));
        Assert.StartsWith("链已断开", deleted.Summary);
    }

    private async Task InTransactionAsync(Func<AppDbContext, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction, Task> work)
    {
        await using var db = _app.Db();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await work(db, tx);
        });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _app.Db();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
