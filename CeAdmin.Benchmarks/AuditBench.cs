using System.Diagnostics;
using CeAdmin.Domain;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CeAdmin.Benchmarks;

/// <summary>
/// The audit benchmark: the 审计日志 grid query (AuditQuery over an app context, compiled seek queries) against
/// the same query by hand on the same open connection, for each filter, on its first page and on page 1,000
/// reached by "next"; the count per filter; the whole service call; the export; the verification of the chain;
/// and what a chained append costs. Measured as the records benchmark measures (rounds, medians), with the
/// machine's load average before and after each part.
/// </summary>
public static class AuditBench
{
    private const int PageSize = 20;
    private const int WarmUp = 200;
    private const int Iterations = 300;
    private const int Rounds = 7;
    private const string Columns = "\"Id\", \"At\", \"UserName\", \"UnitName\", \"Role\", \"ClientAddress\", \"Event\", \"Target\", \"Result\", \"Reason\", \"Action\", \"Changes\"";

    private sealed record Case(string Name, AuditFilter Filter, bool Deep, string Where, Action<SqliteCommand> Bind);

    public static async Task RunAsync(string path, TextWriter output)
    {
        output.WriteLine($"load average at start: {Load()}");
        await AuditData.EnsureAsync(path, output);
        await using var db = RecordsData.Options(path).Create();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var week = new AuditFilter(FromUtc: AuditData.End.AddDays(-7));
        var monthAgo = new AuditFilter(FromUtc: AuditData.End.AddDays(-37), ToUtc: AuditData.End.AddDays(-30), UserName: AuditData.BusyAccount);
        // A record that was written (or viewed): the target of the row in the middle of the log.
        var target = await db.AuditEntries.Where(e => e.Id >= AuditData.Rows / 2 && e.Target.StartsWith("CeRecord#")).OrderBy(e => e.Id).Select(e => e.Target).FirstAsync();

        Case[] cases =
        [
            new("first page — no filter", new AuditFilter(), false, "", _ => { }),
            new("page 1,000 — no filter (seek)", new AuditFilter(), true, "", _ => { }),
            new("first page — account", new AuditFilter(UserName: AuditData.BusyAccount), false, "\"UserName\" = $u", c => c.Parameters.AddWithValue("$u", AuditData.BusyAccount)),
            new("page 1,000 — account (seek)", new AuditFilter(UserName: AuditData.BusyAccount), true, "\"UserName\" = $u", c => c.Parameters.AddWithValue("$u", AuditData.BusyAccount)),
            new("first page — event 登录", new AuditFilter(Event: AuditEvent.SignIn), false, "\"Event\" = 'SignIn'", _ => { }),
            new("page 1,000 — event 登录 (seek)", new AuditFilter(Event: AuditEvent.SignIn), true, "\"Event\" = 'SignIn'", _ => { }),
            new("first page — result 拒绝", new AuditFilter(Result: AuditResult.Refused), false, "\"Result\" = 'Refused'", _ => { }),
            new("first page — unit", new AuditFilter(UnitName: AuditData.BusyUnit), false, "\"UnitName\" = $n", c => c.Parameters.AddWithValue("$n", AuditData.BusyUnit)),
            new("first page — target (a record)", new AuditFilter(Target: target), false, "\"Target\" = $t", c => c.Parameters.AddWithValue("$t", target)),
            new("first page — last 7 days", week, false, "", _ => { }),
            new("first page — a week a month ago + account", monthAgo, false, "\"UserName\" = $u", c => c.Parameters.AddWithValue("$u", AuditData.BusyAccount)),
        ];

        output.WriteLine();
        output.WriteLine($"audit grid query: {PageSize} rows a page; {Rounds} rounds of {Iterations} runs each after {WarmUp} warm-up runs, app and hand-written SQL alternating on one open connection;");
        output.WriteLine("each figure is the median over the rounds of that round's percentile; a time range is first turned into its id range (as the service does, measured below)");
        output.WriteLine($"{"query",-44} {"app p50",9} {"app p95",9} {"SQL p50",9} {"SQL p95",9} {"app/SQL p95",12}");
        var results = new Dictionary<string, (double P50, double P95, double SqlP95)>();
        foreach (var c in cases)
        {
            var criteria = await AuditCriteria.OfAsync(db, c.Filter, default);
            var seek = c.Deep ? (PageSeek)new PageSeek.After(await AnchorAsync(db, criteria)) : new PageSeek.First();
            var bound = seek is PageSeek.After a ? a.Id : criteria.Top;
            var sql = $"SELECT {Columns} FROM \"AuditEntries\" WHERE \"Id\" < $bound AND \"Id\" >= $low{(c.Where.Length > 0 ? " AND " + c.Where : "")} ORDER BY \"Id\" DESC LIMIT {PageSize}";
            void Bind(SqliteCommand command) { command.Parameters.AddWithValue("$bound", bound); command.Parameters.AddWithValue("$low", criteria.Low); c.Bind(command); }

            for (var i = 0; i < WarmUp; i++)
            {
                await AppPageAsync(db, criteria, seek);
                await HandPageAsync(connection, sql, Bind);
            }
            var rounds = new List<(double AppP50, double AppP95, double SqlP50, double SqlP95)>();
            for (var round = 0; round < Rounds; round++)
            {
                var app = new List<double>();
                var hand = new List<double>();
                for (var i = 0; i < Iterations; i++)
                {
                    var appFirst = i % 2 == 0;
                    var h = appFirst ? default : await TimeAsync(() => HandPageAsync(connection, sql, Bind));
                    var x = await TimeAsync(() => AppPageAsync(db, criteria, seek));
                    if (appFirst) h = await TimeAsync(() => HandPageAsync(connection, sql, Bind));
                    app.Add(x.Ms);
                    hand.Add(h.Ms);
                    if (round == 0 && i == 0 && (!x.Ids.SequenceEqual(h.Ids) || x.Ids.Count == 0)) throw new InvalidOperationException($"{c.Name}: app and SQL rows differ (or none)");
                }
                rounds.Add((P(app, 50), P(app, 95), P(hand, 50), P(hand, 95)));
            }
            var r = (Median(rounds.Select(x => x.AppP50)), Median(rounds.Select(x => x.AppP95)), Median(rounds.Select(x => x.SqlP95)));
            results[c.Name] = r;
            output.WriteLine($"{c.Name,-44} {r.Item1,6:N2} ms {r.Item2,6:N2} ms {Median(rounds.Select(x => x.SqlP50)),6:N2} ms {r.Item3,6:N2} ms {r.Item2 / r.Item3,11:N2}×");
        }
        output.WriteLine($"load average after the grid queries: {Load()}");

        output.WriteLine();
        output.WriteLine($"{"count (once per filter change)",-44} {"app p50",9} {"app p95",9} {"rows",12}");
        foreach (var c in cases.Where(c => !c.Deep))
        {
            var criteria = await AuditCriteria.OfAsync(db, c.Filter, default);
            var times = new List<double>();
            var count = 0;
            for (var i = 0; i < 12; i++)
            {
                var t = Stopwatch.GetTimestamp();
                count = await AuditQuery.CountAsync(db, criteria, default);
                if (i >= 2) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            output.WriteLine($"{c.Name.Replace("first page — ", ""),-44} {P(times, 50),6:N2} ms {P(times, 95),6:N2} ms {count,12:N0}");
        }

        await using var provider = Services(path);
        output.WriteLine();
        foreach (var (name, filter) in new[] { ("no filter", new AuditFilter()), ("a week a month ago + account (time → id range included)", monthAgo) })
        {
            var (p50, p95) = await ServicePathAsync(provider, filter);
            output.WriteLine($"service call (AuditService.QueryAsync, first page, {name}): p50 {p50:N2} ms, p95 {p95:N2} ms");
        }

        await ExportAsync(provider, output);
        await VerifyAsync(db, output);
        await AppendAsync(provider, path, output);
        output.WriteLine($"load average at the end: {Load()}");

        output.WriteLine();
        output.WriteLine("query plans (EXPLAIN QUERY PLAN of the hand-written SQL, first pages):");
        foreach (var c in cases.Where(c => !c.Deep))
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = $"EXPLAIN QUERY PLAN SELECT {Columns} FROM \"AuditEntries\" WHERE \"Id\" < $bound AND \"Id\" >= $low{(c.Where.Length > 0 ? " AND " + c.Where : "")} ORDER BY \"Id\" DESC LIMIT {PageSize}";
            explain.Parameters.AddWithValue("$bound", long.MaxValue);
            explain.Parameters.AddWithValue("$low", 0L);
            c.Bind(explain);
            await using var reader = await explain.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            output.WriteLine($"  {c.Name}: {string.Join(" | ", steps)}");
        }

        output.WriteLine();
        var firsts = cases.Where(c => !c.Deep).Select(c => results[c.Name]).ToList();
        Target("first page p95 ≤ 50 ms (all filters)", firsts.All(r => r.P95 <= 50));
        Target($"first page p95 ≤ 1.5× hand-written SQL ({string.Join(", ", firsts.Select(r => (r.P95 / r.SqlP95).ToString("N2") + "×"))})", firsts.All(r => r.P95 <= 1.5 * r.SqlP95));
        foreach (var deep in cases.Where(c => c.Deep))
        {
            var first = results[cases.First(c => !c.Deep && c.Filter == deep.Filter).Name];
            Target($"page 1,000 within 2× the first page ({deep.Name}: {results[deep.Name].P95 / first.P95:N2}×)", results[deep.Name].P95 <= 2 * first.P95);
        }
        void Target(string name, bool met) => output.WriteLine($"target: {name}: {(met ? "met" : "NOT MET")}");
    }

    /// <summary>The last id of page 999 under the criteria: where "next" starts page 1,000.</summary>
    private static async Task<long> AnchorAsync(AppDbContext db, AuditCriteria criteria) =>
        await db.AuditEntries.AsNoTracking().Matching(criteria).OrderByDescending(e => e.Id).Select(e => e.Id).Skip(999 * PageSize - 1).FirstAsync();

    private static async Task<IReadOnlyList<long>> AppPageAsync(AppDbContext db, AuditCriteria criteria, PageSeek seek) =>
        (await AuditQuery.PageAsync(db, criteria, seek, PageSize, default)).Select(r => r.Id).ToList();

    /// <summary>The same rows by hand, read into the same row type as a hand-written data layer would.</summary>
    private static async Task<IReadOnlyList<long>> HandPageAsync(SqliteConnection connection, string sql, Action<SqliteCommand> bind)
    {
        var rows = new List<AuditRow>(PageSize);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new AuditRow(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Enum.Parse<AuditEvent>(reader.GetString(6)), reader.GetString(7), Enum.Parse<AuditResult>(reader.GetString(8)), reader.GetString(9),
                reader.GetString(10), reader.GetString(11)));
        return rows.Select(r => r.Id).ToList();
    }

    private static async Task<(double P50, double P95)> ServicePathAsync(ServiceProvider provider, AuditFilter filter)
    {
        var times = new List<double>();
        for (var i = 0; i < WarmUp + Iterations; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<AuditService>();
            var start = Stopwatch.GetTimestamp();
            await service.QueryAsync(filter, new AuditPageRequest(new PageSeek.First()));
            if (i >= WarmUp) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (P(times, 50), P(times, 95));
    }

    /// <summary>导出Excel of the busy account's rows (what the page runs), three times.</summary>
    private static async Task ExportAsync(ServiceProvider provider, TextWriter output)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < 3; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var file = Path.Combine(Path.GetTempPath(), $"ceadmin-audit-export-{Environment.ProcessId}.xlsx");
            await using (var stream = new FileStream(file, FileMode.Create))
            {
                var start = Stopwatch.GetTimestamp();
                await scope.ServiceProvider.GetRequiredService<AuditService>().ExportAsync(new AuditFilter(UserName: AuditData.BusyAccount), stream, new Progress<int>(n => rows = n));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            File.Delete(file);
        }
        output.WriteLine($"export (AuditService.ExportAsync, account filter, {rows:N0} rows × {AuditRow.ExportColumns.Count} columns): runs {string.Join(", ", times.Select(t => t.ToString("N0") + " ms"))}; median {Median(times):N0} ms");
    }

    private static async Task VerifyAsync(AppDbContext db, TextWriter output)
    {
        var times = new List<double>();
        AuditVerification? result = null;
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = await AuditVerifier.VerifyAsync(db, DateTime.UtcNow);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        output.WriteLine($"verification of the whole chain ({result!.Checked:N0} rows, {(result.Intact ? "intact" : "BROKEN")}): runs {string.Join(", ", times.Select(t => t.ToString("N0") + " ms"))}; median {Median(times):N0} ms");
    }

    /// <summary>One chained append per transaction (AuditLog.RecordAsync), then the appended rows are taken out again so the data set stays as generated.</summary>
    private static async Task AppendAsync(ServiceProvider provider, string path, TextWriter output)
    {
        var times = new List<double>();
        for (var i = 0; i < 50 + Iterations; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var start = Stopwatch.GetTimestamp();
            await log.RecordAsync(new AuditRecord(AuditEvent.PersonalDataViewed, "CeRecord#1", new { PersonName = "张三" }));
            if (i >= 50) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        await using (var db = RecordsData.Options(path).Create())
        {
            var hash = await db.AuditEntries.Where(e => e.Id == AuditData.Rows).Select(e => e.Hash).SingleAsync();
            await db.AuditEntries.Where(e => e.Id > AuditData.Rows).ExecuteDeleteAsync();
            await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastId, AuditData.Rows).SetProperty(h => h.LastHash, hash).SetProperty(h => h.LastAt, AuditData.End));
        }
        output.WriteLine($"append (AuditLog.RecordAsync: one row, its own transaction, head locked, hash chained, committed): p50 {P(times, 50):N2} ms, p95 {P(times, 95):N2} ms");
    }

    private static ServiceProvider Services(string path)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });
        services.AddSingleton<ICurrentUser>(new FixedCurrentUser(new Actor("bench-auditor", "sec_auditor", 0, "", IsSecurityAuditor: true)));
        return services.BuildServiceProvider();
    }

    private static async Task<(double Ms, IReadOnlyList<long> Ids)> TimeAsync(Func<Task<IReadOnlyList<long>>> run)
    {
        var start = Stopwatch.GetTimestamp();
        var ids = await run();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, ids);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double P(IEnumerable<double> values, int percentile) => ExportBench.Percentile(values, percentile);

    private static double Median(IEnumerable<double> values) => P(values, 50);
}
