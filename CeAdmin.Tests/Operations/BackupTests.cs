using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Operations;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh on the provider of the run (SQLite, then PostgreSQL): back up,
/// change the data, restore, and the database is as it was at the backup.
/// </summary>
public sealed class BackupTests : IntegrationTest
{
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"ceadmin-backup-{Guid.NewGuid():N}.backup");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_backup);
    }

    private Dictionary<string, string?> Settings => new()
    {
        ["Database__Provider"] = App.Database.Provider.ToString(),
        ["Database__ConnectionString"] = App.Database.ConnectionString,
    };

    [Fact]
    public async Task A_backup_restored_after_later_changes_brings_back_the_state_at_the_backup()
    {
        var scenario = new AuthorityScenario(App);
        var kept = await scenario.UnitAsync("备份前的单位", UnitKind.Authority, "440106");

        var output = await Scripts.RunAsync("backup.sh", [_backup], Settings);
        Assert.Contains("backed up", output);
        Assert.True(new FileInfo(_backup).Length > 0);

        await using (var db = App.Db())
        {
            var unit = await db.UnitAccounts.SingleAsync(u => u.Id == kept.UnitId);
            unit.Name = "备份后改名";
            await db.SaveChangesAsync();
        }
        var later = await scenario.UnitAsync("备份后新增的单位", UnitKind.Authority, "440104");

        await Scripts.RunAsync("restore.sh", [_backup], Settings);

        await using var restored = App.Db();
        Assert.Equal("备份前的单位", (await restored.UnitAccounts.SingleAsync(u => u.Id == kept.UnitId)).Name);
        Assert.False(await restored.UnitAccounts.AnyAsync(u => u.Id == later.UnitId));
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync());
        // The app works on the restored database: its audit trail still takes writes.
        restored.UnitAccounts.Single(u => u.Id == kept.UnitId).Name = "恢复后可继续使用";
        await restored.SaveChangesAsync();
    }

    [Fact]
    public async Task A_missing_backup_file_is_refused_and_the_database_is_untouched()
    {
        var kept = await new AuthorityScenario(App).UnitAsync("原有单位", UnitKind.Authority, "440106");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Scripts.RunAsync("restore.sh", [_backup + ".missing"], Settings));

        Assert.Contains("no such backup", refused.Message);
        await using var db = App.Db();
        Assert.True(await db.UnitAccounts.AnyAsync(u => u.Id == kept.UnitId));
    }
}
