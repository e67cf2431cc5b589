using System.Diagnostics;
using System.Diagnostics.Metrics;
using CeAdmin.Domain.Approvals;

namespace CeAdmin.Domain.Operations;

/// <summary>
/// The app's own instruments, on one meter ("CeAdmin") from the DI meter factory, so each service provider
/// (the app, each test) has its own. The OpenTelemetry pipeline exports them when an OTLP endpoint is set;
/// without a listener they cost nothing.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "CeAdmin";

    /// <summary>Spans of the database commands (the app's own EF Core instrumentation).</summary>
    public static readonly ActivitySource Database = new("CeAdmin.Database");

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _imports;
    private readonly Counter<long> _importRows;
    private long _exportsRunning;
    private readonly Histogram<double> _commandDuration;

    public AppMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _decisions = Meter.CreateCounter<long>("ceadmin.review.decisions", "{decision}", "审核 decisions saved, by kind of application and decision");
        _imports = Meter.CreateCounter<long>("ceadmin.record_imports", "{import}", "继续教育记录导入 runs, by outcome");
        _importRows = Meter.CreateCounter<long>("ceadmin.record_import.rows", "{row}", "Rows of record imports, by result (imported or rejected)");
        // Observed rather than added to, so that an idle instance reports 0 instead of nothing.
        Meter.CreateObservableUpDownCounter("ceadmin.exports.running", () => Interlocked.Read(ref _exportsRunning), "{export}", "Excel exports being written on this instance");
        _commandDuration = Meter.CreateHistogram<double>("ceadmin.db.command.duration", "s", "Duration of database commands sent by EF Core",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    /// <summary>For the App's own instruments (open circuits, signed-in operators).</summary>
    public Meter Meter { get; }

    public void ReviewDecided(ReviewKind kind, ReviewDecision decision) =>
        _decisions.Add(1, new("review.kind", kind.ToString()), new("review.decision", decision.ToString()));

    public void ImportRefused() => _imports.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));

    public void Imported(int imported, int rejected)
    {
        _imports.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
        _importRows.Add(imported, new KeyValuePair<string, object?>("result", "imported"));
        _importRows.Add(rejected, new KeyValuePair<string, object?>("result", "rejected"));
    }

    public void ExportStarted() => Interlocked.Increment(ref _exportsRunning);

    public void ExportEnded() => Interlocked.Decrement(ref _exportsRunning);

    public void CommandExecuted(string system, string operation, TimeSpan duration, string? errorType)
    {
        var tags = new TagList { { "db.system.name", system }, { "db.operation.name", operation } };
        if (errorType is not null) tags.Add("error.type", errorType);
        _commandDuration.Record(duration.TotalSeconds, tags);
    }
}
