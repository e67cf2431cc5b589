using System.Diagnostics;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Benchmarks;

/// <summary>
/// The audit benchmark's data set: 1,000,000 chained audit rows over 180 days in a SQLite file made with the
/// app's migrations, shaped like a province's log — mostly data writes and record views, sign-ins, exports;
/// one busy account (gz_edu, 5 %), 19 other busy operators, 2,000 occasional ones over 700 units; about 3 %
/// refused. Every row carries its real hash and link, so the verification is measured on a real chain.
/// </summary>
public static class AuditData
{
    public const int Rows = 1_000_000;
    public const string BusyAccount = "gz_edu";
    public const string BusyUnit = "广州市教育局";
    private const int Version = 1;
    public static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Start = End.AddDays(-180);

    public static async Task EnsureAsync(string path, TextWriter output)
    {
        if (File.Exists(path) && await IsCurrentAsync(path))
        {
            output.WriteLine($"data: reusing {path} ({new FileInfo(path).Length / 1048576.0:N0} MB)");
            return;
        }
        // A pooled connection of the check above would still point at the deleted file.
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var watch = Stopwatch.StartNew();
        await using (var db = RecordsData.Options(path).Create())
        {
            await db.Database.MigrateAsync();
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
                await pragma.ExecuteNonQueryAsync();
            }
            using var tx = connection.BeginTransaction();
            var (last, hash) = Generate(connection, tx, db.Model);
            using (var head = connection.CreateCommand())
            {
                head.Transaction = tx;
                head.CommandText = $"UPDATE \"AuditChainHeads\" SET \"LastId\" = {last}, \"LastHash\" = '{hash}', \"LastAt\" = $at WHERE \"Id\" = 1; PRAGMA user_version = {Version};";
                head.Parameters.AddWithValue("$at", End);
                await head.ExecuteNonQueryAsync();
            }
            tx.Commit();
        }
        output.WriteLine($"data: generated {path} in {watch.Elapsed.TotalSeconds:N0} s ({new FileInfo(path).Length / 1048576.0:N0} MB)");
    }

    private static async Task<bool> IsCurrentAsync(string path)
    {
        await using var db = RecordsData.Options(path).Create();
        if ((await db.Database.GetPendingMigrationsAsync()).Any()) return false;
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync()) == Version;
    }

    /// <summary>The operator behind a row: the busy account, one of 19 other busy ones, or one of 2,000.</summary>
    public static string Account(int index) => index switch { 0 => BusyAccount, < 20 => $"op_{index:D2}", _ => $"user_{index:D4}" };

    public static string UnitOf(int index) => index == 0 ? BusyUnit : $"第{index % 700:D3}号单位";

    private static (long Last, string Hash) Generate(SqliteConnection connection, SqliteTransaction tx, Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var random = new Random(20261101);
        var step = (End - Start).Ticks / Rows;
        var previous = "";
        using var insert = new BulkInsert<AuditEntry>(connection, tx, model);
        for (var id = 1L; id <= Rows; id++)
        {
            var roll = random.NextDouble();
            var who = roll < 0.05 ? 0 : roll < 0.40 ? 1 + random.Next(19) : 20 + random.Next(2000);
            var (kind, target, entity, key, action, changes) = Event(random);
            var refused = kind is AuditEvent.SignIn ? random.NextDouble() < 0.15 : random.NextDouble() < 0.015;
            var e = new AuditEntry
            {
                Id = id, At = AuditChain.Microseconds(Start.AddTicks(step * id)),
                UserId = $"u-{who}", UserName = Account(who), UnitId = who % 700 + 1, UnitName = UnitOf(who),
                Role = "行业主管部门（行业组织）", ClientAddress = $"10.{who % 200}.{who / 200 % 250}.{who % 7 + 1}",
                Event = kind, Target = target == "login" ? Account(who) : target, Result = refused ? AuditResult.Refused : AuditResult.Succeeded, Reason = refused ? "密码错误" : "",
                Entity = entity, EntityKey = key, Action = action, Changes = changes, PreviousHash = previous,
            };
            e.Hash = previous = AuditChain.HashOf(e);
            insert.Add(e);
        }
        return (Rows, previous);
    }

    private static (AuditEvent, string, string, string, string, string) Event(Random random)
    {
        var roll = random.NextDouble();
        var record = random.Next(1, 1_000_001);
        if (roll < 0.62)
            return (AuditEvent.DataWrite, $"CeRecord#{record}", "CeRecord", record.ToString(), "Modified",
                $$"""{"Hours":[{{random.Next(8, 48)}},{{random.Next(8, 48)}}],"Result":["合格","不合格"],"IdNumber":["4401**********123X","4401**********123X"]}""");
        if (roll < 0.72) return (AuditEvent.PersonalDataViewed, $"CeRecord#{record}", "CeRecord", record.ToString(), "", """{"PersonName":"张三"}""");
        if (roll < 0.81) return (AuditEvent.SignIn, "login", "AppUser", "", "", "");
        if (roll < 0.87) return (AuditEvent.SignOut, "login", "AppUser", "", "", "");
        if (roll < 0.94) return (AuditEvent.RoleChosen, BusyUnit, "UnitAccount", "3", "", "");
        if (roll < 0.96) return (AuditEvent.Exported, "继续教育记录", "", "", "", """{"Grid":"继续教育记录","Rows":1250,"Filter":{"Year":2025}}""");
        if (roll < 0.98) return (AuditEvent.AttachmentDownloaded, $"Attachment#{random.Next(1, 50_000)}", "Attachment", "", "", """{"FileName":"证书.pdf"}""");
        if (roll < 0.985) return (AuditEvent.Imported, "记录.xlsx", "", "", "", """{"RowsRead":300,"Imported":298,"Rejected":2}""");
        return (AuditEvent.SessionExpired, "login", "AppUser", "", "", """{"Reason":"无操作超时"}""");
    }
}
