using System.Globalization;
using CeAdmin.Benchmarks;

// dotnet run -c Release --project CeAdmin.Benchmarks -- export 100000 [repetitions=5]
//   runs every writer in a fresh child process per repetition and prints the summary.
// dotnet run -c Release --project CeAdmin.Benchmarks -- one miniexcel 100000
//   measures one writer in this process (what each child does) and prints a RESULT line.
// dotnet run -c Release --project CeAdmin.Benchmarks -- records [DBFILE] [--queries-only]
//   generates (or reuses) 1,000,000 CE records and 100,000 plans in DBFILE, then compares the records grid query
//   with hand-written SQL and the records export with ClosedXML and a bare writer.
// dotnet run -c Release --project CeAdmin.Benchmarks -- audit [DBFILE]
//   generates (or reuses) 1,000,000 chained audit rows in DBFILE, then compares the 审计日志 grid query for each filter
//   with hand-written SQL, and times the counts, the service call, the export, the verification and an append.
const string Usage = "usage: export ROWS [REPETITIONS]  |  one (bare|miniexcel|closedxml) ROWS  |  records [DBFILE] [--queries-only]  |  audit [DBFILE]";
var defaultDb = Path.Combine(Path.GetTempPath(), "ceadmin-bench-records.db");

if (args.Length >= 2 && args[0] == "export" && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows) && rows > 0)
{
    var reps = args.Length >= 3 && int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 5;
    ExportBench.RunSuite(rows, reps, Console.Out);
    return 0;
}
if (args.Length >= 3 && args[0] == "one" && ExportBench.Writers.Contains(args[1])
    && int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var oneRows) && oneRows > 0)
{
    Console.WriteLine(ExportBench.RunOne(args[1], oneRows).ToLine());
    return 0;
}
if (args.Length >= 1 && args[0] == "records")
{
    var file = args.Length >= 2 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : defaultDb;
    await RecordsBench.RunAsync(file, Console.Out, queriesOnly: args.Contains("--queries-only"), targetsOnly: args.Contains("--targets-only"));
    return 0;
}
if (args.Length >= 1 && args[0] == "seed")
{
    await RecordsData.EnsureAsync(args.Length >= 2 ? args[1] : defaultDb, Console.Out);
    return 0;
}
if (args.Length >= 1 && args[0] == "compliance")
{
    await ComplianceBench.RunAsync(args.Length >= 2 ? args[1] : defaultDb, Console.Out);
    return 0;
}
if (args.Length >= 1 && args[0] == "audit")
{
    await AuditBench.RunAsync(args.Length >= 2 ? args[1] : Path.Combine(Path.GetTempPath(), "ceadmin-bench-audit.db"), Console.Out);
    return 0;
}
if (args.Length == 3 && args[0] == "records-export-one" && RecordsBench.ExportWriters.Contains(args[1]))
{
    Console.WriteLine(RecordsBench.ExportOne(args[1], args[2]).ToLine());
    return 0;
}
Console.Error.WriteLine(Usage);
return 2;
