using CeAdmin.Domain.Exports;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Statistics;

/// <summary>The statistics page's three tables as one styled workbook (ClosedXML via <see cref="StatisticsWorkbook"/>).</summary>
public static class StatisticsSheets
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "专业课计划申报数", "专业课计划通过数", "培训班数", "计划招生人数", "继续教育记录数", "总学时(合格)",
        "参训人数", "年度学时达标人数", "年度达标率", "公需科目达标率", "专业科目达标率", "选修科目达标率",
    ];

    private static readonly string?[] Formats = [null, "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0.0", "#,##0", "#,##0", "0.0%", "0.0%", "0.0%", "0.0%"];
    private static readonly double[] Widths = [18, 12, 12, 10, 12, 14, 14, 10, 14, 11, 12, 12, 12];

    /// <summary>"广州市 · 2025年度 · 高等学校教师", what every sheet's title and the file name say.</summary>
    public static string Scope(StatisticsReport report) => string.Join(" · ", new[]
    {
        report.RegionName,
        report.Query.Year is { } y ? y + "年度" : "全部年度",
        report.Query.SeriesId is { } s ? ReferenceCatalog.SeriesName(s) : "全部专业系列",
    });

    public static IReadOnlyList<StatSheet> Build(StatisticsReport report) =>
    [
        Sheet("按行政区划", "行政区划", report, report.ByRegion),
        Sheet("按专业系列", "专业系列", report, report.BySeries),
        Sheet("按年度", "年度", report, report.ByYear),
    ];

    public static Task WriteAsync(StatisticsReport report, Stream output, CancellationToken ct) =>
        // ClosedXML writes synchronously; keep it off the caller's (the circuit's) thread.
        Task.Run(() => StatisticsWorkbook.Write(output, Build(report)), ct);

    private static StatSheet Sheet(string name, string firstHeader, StatisticsReport report, IReadOnlyList<StatRow> rows) => new(
        name,
        $"继续教育统计（{Scope(report)}）— {name}",
        [firstHeader, .. Headers],
        [.. rows.Append(report.Total).Select(Cells)],
        Formats,
        Widths);

    private static IReadOnlyList<object?> Cells(StatRow r) =>
    [
        r.Label, r.PlansSubmitted, r.PlansApproved, r.Classes, r.PlannedEnrolment, r.Records, r.Hours,
        r.People.People, r.People.MetAnnual, r.MetShare, r.PublicShare, r.ProfessionalShare, r.ElectiveShare,
    ];
}
