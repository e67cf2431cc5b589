using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CeAdmin.Domain;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CeAdmin.Benchmarks;

/// <summary>
/// The records benchmark: the 1.7.1 grid query through the app's own query code (CeRecordQuery over an
/// app context) against the same query written by hand on the same open connection, and the export of
/// 100,000 records through the app's export against ClosedXML 0.95.4 and a bare forward-only writer.
/// </summary>
public static class RecordsBench
{
    private const int PageSize = 20;
    private const int WarmUp = 200;
    private const int Iterations = 300;
    private const int Rounds = 7;
    private const int ExportRepetitions = 3;
    private const int ExportYear = 2025;

    private static readonly string Columns = "\"Id\", \"PersonName\", \"IdNumber\", \"CourseName\", \"SeriesId\", \"Year\", \"RegionCode\", \"AuthorityName\", \"InstitutionName\", \"Hours\", \"Result\"";

    public static async Task RunAsync(string path, TextWriter output, bool queriesOnly = false, bool targetsOnly = false)
    {
        PrintMachine(output);
        output.WriteLine($"load: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")} (1, 5, 15 min; the machine is shared)");
        await RecordsData.EnsureAsync(path, output);
        if (!targetsOnly) await QueriesAsync(path, output);
        await ServiceBench.RunAsync(path, output);
        if (!queriesOnly && !targetsOnly) Exports(path, output);
        output.WriteLine($"load at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
    }

    // ---------------------------------------------------------------- queries

    private sealed record Case(string Name, Scope Scope, CeRecordFilter Filter, PageSeek Seek, string Sql, Action<SqliteCommand> Bind);

    private static async Task QueriesAsync(string path, TextWriter output)
    {
        await using var db = RecordsData.Options(path).Create();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var teachers = ReferenceCatalog.Series.Single(s => s.Name == RecordsData.ProvinceSeries).Id;
        var health = ReferenceCatalog.Series.Single(s => s.Name == RecordsData.HealthSeries).Id;
        var province = new Scope(RecordsData.ProvinceAuthorityUnitId(teachers), "广东省中小学教师继续教育主管部门", UnitKind.Authority, "440000", RegionLevel.Province, teachers, RecordsData.ProvinceAuthorityUnitId(teachers));
        var city = new Scope(RecordsData.CityAuthorityUnitId(teachers, 0), "广州市中小学教师继续教育主管部门", UnitKind.Authority, "440100", RegionLevel.City, teachers, RecordsData.CityAuthorityUnitId(teachers, 0));
        var hrss = new Scope(RecordsData.HrssUnitId, "广东省人力资源和社会保障厅", UnitKind.Hrss, "440000", RegionLevel.Province, null, null);
        var none = new CeRecordFilter();
        var seriesYear = new CeRecordFilter(SeriesId: health, Year: 2024);

        // The UI reaches page 1,000 from page 999 with "next": the seek starts after page 999's last id.
        var provinceAnchor = await AnchorAsync(connection, "WHERE \"SeriesId\" = $s", c => c.Parameters.AddWithValue("$s", teachers));
        var cityAnchor = await AnchorAsync(connection, "WHERE \"SeriesId\" = $s AND \"RegionCode\" LIKE '4401%'", c => c.Parameters.AddWithValue("$s", teachers));
        const int skip = 999 * PageSize;

        Case[] cases =
        [
            new("first page — province authority (series)", province, none, new PageSeek.First(),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s ORDER BY \"Id\" DESC LIMIT 20",
                c => c.Parameters.AddWithValue("$s", teachers)),
            new("page 1,000 — province authority (seek)", province, none, new PageSeek.After(provinceAnchor),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s AND \"Id\" < $a ORDER BY \"Id\" DESC LIMIT 20",
                c => { c.Parameters.AddWithValue("$s", teachers); c.Parameters.AddWithValue("$a", provinceAnchor); }),
            new("page 1,000 — province authority (jump)", province, none, new PageSeek.Offset(skip),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s AND \"Id\" IN (SELECT \"Id\" FROM \"CeRecords\" WHERE \"SeriesId\" = $s ORDER BY \"Id\" DESC LIMIT 20 OFFSET {skip}) ORDER BY \"Id\" DESC",
                c => c.Parameters.AddWithValue("$s", teachers)),
            new("filtered by series + year — HRSS", hrss, seriesYear, new PageSeek.First(),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s AND \"Year\" = $y ORDER BY \"Id\" DESC LIMIT 20",
                c => { c.Parameters.AddWithValue("$s", health); c.Parameters.AddWithValue("$y", 2024); }),
            new("first page — city authority (Guangzhou)", city, none, new PageSeek.First(),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s AND \"RegionCode\" LIKE '4401%' ORDER BY \"Id\" DESC LIMIT 20",
                c => c.Parameters.AddWithValue("$s", teachers)),
            new("page 1,000 — city authority (seek)", city, none, new PageSeek.After(cityAnchor),
                $"SELECT {Columns} FROM \"CeRecords\" WHERE \"SeriesId\" = $s AND \"RegionCode\" LIKE '4401%' AND \"Id\" < $a ORDER BY \"Id\" DESC LIMIT 20",
                c => { c.Parameters.AddWithValue("$s", teachers); c.Parameters.AddWithValue("$a", cityAnchor); }),
        ];

        output.WriteLine();
        output.WriteLine($"records grid query: {PageSize} rows a page; {Rounds} rounds of {Iterations} runs each after {WarmUp} warm-up runs, app and hand-written SQL alternating on one open connection;");
        output.WriteLine("each figure is the median over the rounds of that round's percentile (robust to a round disturbed by other work on the machine)");
        output.WriteLine($"{"query",-42} {"app p50",9} {"app p95",9} {"SQL p50",9} {"SQL p95",9} {"app/SQL p95",12}");
        var results = new Dictionary<string, (double P50, double P95, double SqlP95)>();
        foreach (var c in cases)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                await AppPageAsync(db, c);
                await HandPageAsync(connection, c);
            }
            var rounds = new List<(double AppP50, double AppP95, double SqlP50, double SqlP95)>();
            for (var round = 0; round < Rounds; round++)
            {
                var app = new List<double>();
                var sql = new List<double>();
                for (var i = 0; i < Iterations; i++)
                {
                    // Each goes first on every other run, so neither always finds the other's pages in the caches.
                    var appFirst = i % 2 == 0;
                    var h = appFirst ? default : await TimeAsync(() => HandPageAsync(connection, c));
                    var a = await TimeAsync(() => AppPageAsync(db, c));
                    if (appFirst) h = await TimeAsync(() => HandPageAsync(connection, c));
                    app.Add(a.Ms);
                    sql.Add(h.Ms);
                    if (round == 0 && i == 0 && !a.Ids.SequenceEqual(h.Ids)) throw new InvalidOperationException($"{c.Name}: app and SQL rows differ");
                }
                rounds.Add((P(app, 50), P(app, 95), P(sql, 50), P(sql, 95)));
            }
            var r = (Median(rounds.Select(x => x.AppP50)), Median(rounds.Select(x => x.AppP95)), Median(rounds.Select(x => x.SqlP95)));
            results[c.Name] = r;
            output.WriteLine($"{c.Name,-42} {r.Item1,6:N2} ms {r.Item2,6:N2} ms {Median(rounds.Select(x => x.SqlP50)),6:N2} ms {r.Item3,6:N2} ms {r.Item2 / r.Item3,11:N2}×");
        }

        // A COUNT over the records themselves: what the grid runs when a filter narrows beyond series, region and year
        // (the grid's own count comes from the statistics summary otherwise: ServiceBench measures that path).
        output.WriteLine();
        output.WriteLine($"{"count over the records (no summary)",-42} {"app p50",9} {"app p95",9} {"rows",12}");
        foreach (var (name, scope, filter) in new[] { ("province authority (series)", province, none), ("city authority (Guangzhou)", city, none), ("HRSS, series + year", hrss, seriesYear), ("HRSS, everything", hrss, none) })
        {
            var times = new List<double>();
            var count = 0;
            for (var i = 0; i < 25; i++)
            {
                var t = Stopwatch.GetTimestamp();
                count = await db.CeRecords.AsNoTracking().Matching(RecordCriteria.Of(scope, filter)).CountAsync();
                if (i >= 5) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            output.WriteLine($"{name,-42} {P(times, 50),6:N2} ms {P(times, 95),6:N2} ms {count,12:N0}");
        }

        // The whole service call once per page turn: its own context, pooled connection, scope from the database.
        var service = await ServicePathAsync(path, teachers);
        output.WriteLine();
        output.WriteLine($"service call (CeRecordService.QueryAsync, Guangzhou authority, first page): p50 {service.P50:N2} ms, p95 {service.P95:N2} ms");

        output.WriteLine();
        output.WriteLine("query plans (EXPLAIN QUERY PLAN of the hand-written SQL):");
        foreach (var c in cases)
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + c.Sql;
            c.Bind(explain);
            await using var reader = await explain.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            output.WriteLine($"  {c.Name}: {string.Join(" | ", steps)}");
        }

        output.WriteLine();
        var first = results[cases[0].Name];
        var deep = results[cases[1].Name];
        var cityFirst = results[cases[4].Name];
        var cityDeep = results[cases[5].Name];
        Target("first page p95 ≤ 50 ms (all first-page cases)", cases.Where(c => c.Seek is PageSeek.First).All(c => results[c.Name].P95 <= 50));
        var firstPages = cases.Where(c => c.Seek is PageSeek.First).Select(c => results[c.Name]).ToList();
        Target($"first page p95 ≤ 1.5× hand-written SQL ({string.Join(", ", firstPages.Select(r => (r.P95 / r.SqlP95).ToString("N2", CultureInfo.InvariantCulture) + "×"))})",
            firstPages.All(r => r.P95 <= 1.5 * r.SqlP95));
        Target($"page 1,000 within 2× the first page (province {deep.P95 / first.P95:N2}×, city {cityDeep.P95 / cityFirst.P95:N2}×)", deep.P95 <= 2 * first.P95 && cityDeep.P95 <= 2 * cityFirst.P95);
        void Target(string name, bool met) => output.WriteLine($"target: {name}: {(met ? "met" : "NOT MET")}");
    }

    private static async Task<long> AnchorAsync(SqliteConnection connection, string where, Action<SqliteCommand> bind)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT \"Id\" FROM \"CeRecords\" {where} ORDER BY \"Id\" DESC LIMIT 1 OFFSET {999 * PageSize - 1}";
        bind(cmd);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<long>> AppPageAsync(AppDbContext db, Case c)
    {
        var rows = await CeRecordQuery.PageAsync(db, RecordCriteria.Of(c.Scope, c.Filter), c.Seek, PageSize, null, false, default);
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>
    /// The same rows by hand, as a hand-written data layer runs them per request (Dapper does the same):
    /// a command with the SQL and its parameters, a reader, and the masking and names of the app's projection.
    /// </summary>
    private static async Task<IReadOnlyList<long>> HandPageAsync(SqliteConnection connection, Case c)
    {
        var rows = new List<CeRecordRow>(PageSize);
        await using var command = connection.CreateCommand();
        command.CommandText = c.Sql;
        c.Bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CeRecordRow(reader.GetInt64(0), reader.GetString(1), IdNumber.Mask(reader.GetString(2)), reader.GetString(3),
                ReferenceCatalog.SeriesName(reader.GetInt32(4)), reader.GetInt32(5), ReferenceCatalog.RegionName(reader.GetString(6)),
                reader.GetString(7), reader.GetString(8), reader.GetDecimal(9), reader.GetString(10)));
        }
        return rows.Select(r => r.Id).ToList();
    }

    private static async Task<(double Ms, IReadOnlyList<long> Ids)> TimeAsync(Func<Task<IReadOnlyList<long>>> run)
    {
        var start = Stopwatch.GetTimestamp();
        var ids = await run();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, ids);
    }

    private static async Task<(double P50, double P95)> ServicePathAsync(string path, int teachers)
    {
        await using var provider = Services(path, new Actor("bench", "bench", RecordsData.CityAuthorityUnitId(teachers, 0), "广州市", UnitKind.Authority));
        var times = new List<double>();
        for (var i = 0; i < WarmUp + Iterations; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<CeRecordService>();
            var start = Stopwatch.GetTimestamp();
            await service.QueryAsync(new CeRecordFilter(), new RecordPageRequest(new PageSeek.First()));
            if (i >= WarmUp) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (P(times, 50), P(times, 95));
    }

    internal static ServiceProvider Services(string path, Actor actor)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });
        services.AddSingleton<ICurrentUser>(new FixedCurrentUser(actor));
        return services.BuildServiceProvider();
    }

    // ---------------------------------------------------------------- exports

    /// <summary>
    /// app: 导出Excel as the service runs it; closedxml: ClosedXML over the same EF rows; bare: a minimal streaming writer over
    /// the same EF rows; raw: that writer over a raw SqliteDataReader (no EF at all) — the baseline of the target.
    /// </summary>
    public static readonly IReadOnlyList<string> ExportWriters = ["app", "closedxml", "bare", "raw"];

    private static void Exports(string path, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"export: the HRSS department's records of {ExportYear} (the whole filtered result), {CeRecordRow.ExportColumns.Count} columns, " +
            $"{ExportRepetitions} runs per writer, each in a fresh process; every writer reads the same rows from the database");
        var results = new List<ExportBench.RunResult>();
        // Interleaved (app, closedxml, bare, app, …), so a busy minute on the shared machine hits every writer alike.
        for (var rep = 1; rep <= ExportRepetitions; rep++)
        {
            foreach (var writer in ExportWriters)
            {
                var r = ExportBench.RunChild(["records-export-one", writer, path]);
                results.Add(r);
                output.WriteLine($"  {writer,-9} run {rep}: {r.Rows:N0} rows {r.Milliseconds,8:N0} ms  peak WS {ExportBench.Mb(r.PeakWorkingSet),6:N0} MB  (VmHWM {ExportBench.Mb(r.ProcessPeakWorkingSet):N0} MB)  file {ExportBench.Mb(r.FileBytes):N1} MB");
            }
        }
        var bare = results.Where(r => r.Writer == "raw").ToList();
        var bareP50 = P(bare.Select(r => r.Milliseconds), 50);
        var bareP95 = P(bare.Select(r => r.Milliseconds), 95);
        output.WriteLine($"{"writer",-10} {"p50 ms",9} {"p95 ms",9} {"peak WS max",12} {"×raw p50",10} {"×raw p95",10}");
        foreach (var writer in ExportWriters)
        {
            var runs = results.Where(r => r.Writer == writer).ToList();
            var p50 = P(runs.Select(r => r.Milliseconds), 50);
            var p95 = P(runs.Select(r => r.Milliseconds), 95);
            output.WriteLine($"{writer,-10} {p50,9:N0} {p95,9:N0} {ExportBench.Mb(runs.Max(r => r.PeakWorkingSet)),9:N0} MB {p50 / bareP50,9:N2}× {p95 / bareP95,9:N2}×");
        }
        var app = results.Where(r => r.Writer == "app").ToList();
        output.WriteLine($"target: export ≤ 2× a minimal writer over a raw data reader (p95 {P(app.Select(r => r.Milliseconds), 95) / bareP95:N2}×): {(P(app.Select(r => r.Milliseconds), 95) <= 2 * bareP95 ? "met" : "NOT MET")}");
        output.WriteLine($"target: export peak memory < 300 MB ({ExportBench.Mb(app.Max(r => r.PeakWorkingSet)):N0} MB): {(app.Max(r => r.PeakWorkingSet) < 300L * 1048576 ? "met" : "NOT MET")}");
    }

    /// <summary>One export in this process (a child of <see cref="Exports"/>): a small warm-up export, then the measured one.</summary>
    public static ExportBench.RunResult ExportOne(string writer, string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ceadmin-records-export-{writer}-{Environment.ProcessId}.xlsx");
        try
        {
            Export(writer, path, file, new CeRecordFilter(Year: ExportYear, RegionCode: "440106"));
            var filter = new CeRecordFilter(Year: ExportYear);
            int rows;
            using (var count = RecordsData.Options(path).Create())
                rows = count.CeRecords.Count(r => r.Year == ExportYear);
            return ExportBench.Measure(writer, rows, file, () => Export(writer, path, file, filter));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Export(string writer, string path, string file, CeRecordFilter filter)
    {
        using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        if (writer == "app")
        {
            // Exactly what 导出Excel runs: the service resolves the HRSS scope and streams into ExcelExporter.
            using var provider = Services(path, new Actor("bench", "bench", RecordsData.HrssUnitId, "广东省人力资源和社会保障厅", UnitKind.Hrss));
            using var scope = provider.CreateScope();
            scope.ServiceProvider.GetRequiredService<CeRecordService>().ExportAsync(filter, output, null).GetAwaiter().GetResult();
            return;
        }
        if (writer == "raw")
        {
            ExportBench.WriteBare(output, RawRows(path, filter), CeRecordRow.ExportColumns, "继续教育记录");
            return;
        }
        using var db = RecordsData.Options(path).Create();
        var hrss = new Scope(RecordsData.HrssUnitId, "广东省人力资源和社会保障厅", UnitKind.Hrss, "440000", RegionLevel.Province, null, null);
        var rows = CeRecordQuery.Stream(db, RecordCriteria.Of(hrss, filter)).ToBlockingEnumerable();
        if (writer == "closedxml") ExportBench.WriteClosedXml(output, rows, CeRecordRow.ExportColumns, "继续教育记录");
        else ExportBench.WriteBare(output, rows, CeRecordRow.ExportColumns, "继续教育记录");
    }

    /// <summary>The export's rows by a plain command and data reader: the HRSS department's records of the filter's year (and region), newest first.</summary>
    private static IEnumerable<CeRecordRow> RawRows(string path, CeRecordFilter filter)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM \"CeRecords\" WHERE \"Year\" = $y" +
            (filter.RegionCode is not null ? " AND \"RegionCode\" = $r" : "") + " ORDER BY \"Id\" DESC";
        command.Parameters.AddWithValue("$y", filter.Year!.Value);
        if (filter.RegionCode is { } r) command.Parameters.AddWithValue("$r", r);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new CeRecordRow(reader.GetInt64(0), reader.GetString(1), IdNumber.Mask(reader.GetString(2)), reader.GetString(3),
                ReferenceCatalog.SeriesName(reader.GetInt32(4)), reader.GetInt32(5), ReferenceCatalog.RegionName(reader.GetString(6)),
                reader.GetString(7), reader.GetString(8), reader.GetDecimal(9), reader.GetString(10));
    }

    // ---------------------------------------------------------------- helpers

    private static double P(IEnumerable<double> values, int percentile) => ExportBench.Percentile(values, percentile);

    private static double Median(IEnumerable<double> values) => P(values, 50);

    private static void PrintMachine(TextWriter output)
    {
        static string Read(string file, string key) =>
            File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split([':', '='], 2)[1].Trim().Trim('"') ?? "?" : "?";
        var memKb = long.TryParse(Read("/proc/meminfo", "MemTotal").Split(' ')[0], out var kb) ? kb : 0;
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Read("/proc/cpuinfo", "model name")}, {memKb / 1048576.0:N1} GB RAM, " +
            $"{Read("/etc/os-release", "PRETTY_NAME")}, {RuntimeInformation.FrameworkDescription}, SQLite {SqliteVersion()}");
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "select sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }
}
