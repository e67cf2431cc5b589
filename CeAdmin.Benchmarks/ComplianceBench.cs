using System.Diagnostics;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Benchmarks;

/// <summary>
/// 个人学时达标查询 on the records benchmark's data (1,000,000 records): the service path of a Guangzhou authority
/// and of the HRSS department, first page, a deep page, with a year and a status filter, and the count.
/// </summary>
public static class ComplianceBench
{
    private const int WarmUp = 2;
    private const int Iterations = 8;
    private const int Year = 2025;

    public static async Task RunAsync(string path, TextWriter output)
    {
        await RecordsData.EnsureAsync(path, output);
        var teachers = ReferenceCatalog.Series.Single(s => s.Name == RecordsData.ProvinceSeries).Id;
        var city = new Actor("bench", "bench", RecordsData.CityAuthorityUnitId(teachers, 0), "广州市", UnitKind.Authority);
        var cases = new (string Name, ComplianceFilter Filter, int Page, bool Count)[]
        {
            ("first page, no filter", new ComplianceFilter(), 0, false),
            ("first page + count, no filter", new ComplianceFilter(), 0, true),
            ("page 50 (offset), no filter", new ComplianceFilter(), 50, false),
            ("first page, year", new ComplianceFilter(Year: Year), 0, false),
            ("first page + count, year + 未达标", new ComplianceFilter(Year: Year, Status: ComplianceStatus.NotMet), 0, true),
            ("first page, 天河区 + year", new ComplianceFilter(RegionCode: "440106", Year: Year), 0, false),
        };
        output.WriteLine($"compliance query (ComplianceService.QueryAsync, 20 rows a page, Guangzhou authority): {Iterations} runs after {WarmUp} warm-up runs");
        await using var provider = RecordsBench.Services(path, city);
        foreach (var c in cases)
        {
            var times = new List<double>();
            int? total = null;
            for (var i = 0; i < WarmUp + Iterations; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ComplianceService>();
                var start = Stopwatch.GetTimestamp();
                var page = await service.QueryAsync(c.Filter, new PageRequest(c.Page, 20), c.Count);
                if (i >= WarmUp) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                total ??= page.Total;
            }
            output.WriteLine($"  {c.Name}: p50 {ExportBench.Percentile(times, 50):N1} ms, p95 {ExportBench.Percentile(times, 95):N1} ms{(total is { } t ? $" ({t:N0} person-years)" : "")}");
        }
    }
}
