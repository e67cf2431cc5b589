using System.Globalization;
using System.Text;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// The retention job: rows past 审计日志保留期限 go to CSV files (every column, hashes included) before they
/// are deleted, a batch at a time; the chain's start moves with them and still verifies; each batch and the
/// verification after it are audited; one run per interval. And the rows written before the chain existed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditRetentionTests : IAsyncLifetime
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), "ceadmin-audit-archive-" + Guid.NewGuid().ToString("N"));
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.CreateAsync(configure: s => s.AddSingleton(new AuditOptions { ArchiveDirectory = _archive, ArchiveBatchSize = 3, IntervalHours = 24 }));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_archive)) Directory.Delete(_archive, recursive: true);
    }

    private int _people;

    private async Task WriteAccountsAsync(string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = _people++;
            await using var db = _app.Db();
            db.Users.Add(new AppUser
            {
                UserName = $"{prefix}_{i}", NormalizedUserName = $"{prefix}_{i}".ToUpperInvariant(), CreatedAt = _app.Clock.GetUtcNow().UtcDateTime,
                IdNumber = DemoIds.IdNumber("440106", new DateOnly(1980, 1, 1).AddDays(n), 100 + n), RealName = "张三,\"李\"四",
            });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Old_rows_are_archived_then_purged_and_the_kept_chain_still_verifies()
    {
        await WriteAccountsAsync("old", 7);
        var old = await _app.LastIdAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        var boundary = _app.Clock.GetUtcNow().UtcDateTime;
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        await WriteAccountsAsync("new", 2);
        var kept = await _app.LastIdAsync();
        // Everything before the boundary is past its 180 days.
        _app.Clock.Advance(boundary.AddDays(180) - _app.Clock.GetUtcNow().UtcDateTime);

        var run = await _app.Get<AuditRetention>().RunAsync();
        Assert.True(run.Ran);
        Assert.Equal((int)old, run.Archived);
        Assert.Equal((int)Math.Ceiling(old / 3.0), run.Files.Count);
        Assert.True(run.Verification!.Intact, run.Verification.Summary);

        await using (var db = _app.Db())
        {
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Id <= old));
            var head = await db.AuditChainHeads.SingleAsync();
            Assert.Equal(old + 1, head.FirstId);
            // The files hold every archived row verbatim: each row's hash checks, and they chain into what is kept.
            var archived = run.Files.SelectMany(ReadCsv).ToList();
            Assert.Equal(Enumerable.Range(1, (int)old).Select(i => (long)i), archived.Select(e => e.Id));
            Assert.All(archived, e => Assert.Equal(AuditChain.HashOf(e), e.Hash));
            Assert.Equal(archived[^1].Hash, head.FirstPreviousHash);
            Assert.Contains(archived, e => e.Changes.Contains("张三,\\\"李\\\"四") || e.Changes.Contains("张三,\"李\"四"));
            Assert.DoesNotContain(archived, e => e.Changes.Contains(DemoIds.IdNumber("440106", new DateOnly(1980, 1, 1), 100)));
        }

        // Each batch was audited with its delete, then the verification; the kept rows are untouched.
        var events = await _app.EventsAfterAsync(kept);
        Assert.Equal(run.Files.Count, events.Count(e => e is { Event: AuditEvent.AuditArchived, Result: AuditResult.Succeeded, Role: AuditActor.SystemRole }));
        Assert.Equal((AuditEvent.AuditVerified, AuditResult.Succeeded), (events[^1].Event, events[^1].Result));
        Assert.True((await _app.VerifyAsync()).Intact);

        // Within its interval the job does not run again (on any instance): the lease in the head row.
        Assert.False((await _app.Get<AuditRetention>().RunAsync()).Ran);
    }

    [Fact]
    public async Task Nothing_past_its_time_is_still_an_audited_run_and_the_retention_follows_the_setting()
    {
        await WriteAccountsAsync("young", 2);
        await _app.As<RuntimeSettingsService>(new Actor("a", "sys_admin", 0, "", IsSystemAdministrator: true)).ChangeAsync(RuntimeSettings.AuditRetentionDays, 400);
        // 300 days on: past the default 180, within the 400 the administrator set.
        _app.Clock.Advance(TimeSpan.FromDays(300));
        var last = await _app.LastIdAsync();

        var run = await _app.Get<AuditRetention>().RunAsync();
        Assert.Equal((true, 0), (run.Ran, run.Archived));
        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([AuditEvent.AuditArchived, AuditEvent.AuditVerified], events.Select(e => e.Event));
        Assert.Contains("\"RetentionDays\":400", events[0].Changes);
        Assert.Contains("\"Rows\":0", events[0].Changes);
    }

    [Fact]
    public async Task Rows_from_before_the_chain_are_masked_and_stay_outside_it()
    {
        var idNumber = DemoIds.IdNumber("440106", new DateOnly(1985, 6, 1), 77);
        await using (var db = _app.Db())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_AuditChain", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            // A row as the interceptor used to write it: the ID number in plain JSON.
            var changes = $$"""{"IdNumber":[null,"{{idNumber}}"],"RealName":[null,"王五"]}""";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "UnitId", "UnitName", "Entity", "EntityKey", "Action", "Changes")
                VALUES ({_app.Clock.GetUtcNow().UtcDateTime}, 'system', '系统', NULL, '', 'AppUser', 'u-1', 'Added', {changes})
                """);
        }
        await using (var scope = _app.Get<IServiceProvider>().CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using (var db = _app.Db())
        {
            var legacy = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityKey == "u-1");
            Assert.Equal((AuditEvent.DataWrite, AuditResult.Succeeded, "AppUser#u-1", AuditLegacyRows.MaskedMarker), (legacy.Event, legacy.Result, legacy.Target, legacy.Hash));
            Assert.DoesNotContain(idNumber, legacy.Changes);
            Assert.Contains(IdNumber.Mask(idNumber), legacy.Changes);
            Assert.True((await db.AuditChainHeads.SingleAsync()).FirstId > legacy.Id);
        }
        // New rows chain after it; the chain (which starts after the legacy rows) verifies.
        await WriteAccountsAsync("after", 2);
        var verification = await _app.VerifyAsync();
        Assert.True(verification.Intact, verification.Summary);
        Assert.Equal(2, verification.Checked);
    }

    /// <summary>The archive file, read back (RFC 4180, as written).</summary>
    private static IEnumerable<AuditEntry> ReadCsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = ParseCsv(text).ToList();
        Assert.Equal("Id", records[0][0]);
        foreach (var f in records.Skip(1))
        {
            yield return new AuditEntry
            {
                Id = long.Parse(f[0], CultureInfo.InvariantCulture),
                At = DateTime.ParseExact(f[1], "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                UserId = f[2], UserName = f[3], UnitId = f[4].Length == 0 ? null : int.Parse(f[4], CultureInfo.InvariantCulture), UnitName = f[5], Role = f[6],
                ClientAddress = f[7], Event = Enum.Parse<AuditEvent>(f[8]), Target = f[9], Result = Enum.Parse<AuditResult>(f[10]), Reason = f[11],
                Entity = f[12], EntityKey = f[13], Action = f[14], Changes = f[15], PreviousHash = f[16], Hash = f[17],
            };
        }
    }

    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else if (c != '\uFEFF') field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); yield return record; }
    }
}
