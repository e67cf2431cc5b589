using Bunit;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Exports;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// 导出 through the one export component with the real audit log on the provider under test: the grid, the
/// filter (its 公民身份号码 masked), the rows and the file; a refused export with its reason.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExportAuditTests : MudTestContext
{
    private static readonly Actor Operator = new("user-1", "gz_edu", 3, "广州市教育局", UnitKind.Authority);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ceadmin-export-audit-" + Guid.NewGuid().ToString("N"));
    private TestApp _app = null!;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        Services.AddSingleton(ExportTestStores.Instance(_app, new ExportOptions { Directory = _dir }));
        Services.AddSingleton<IAuditLog>(_app.As<AuditLog>(Operator));
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(Operator));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    [Fact]
    public async Task Finished_and_refused_exports_are_written_to_the_chain()
    {
        var last = await _app.LastIdAsync();
        var idNumber = "440106199001011234";
        var button = Render<ExportButton>(p => p.Add(b => b.Title, "继续教育记录").Add(b => b.Total, 2)
            .Add(b => b.Filter, new { Year = 2025, IdNumber = idNumber })
            .Add(b => b.Export, async (stream, progress, ct) => { progress.Report(2); await stream.WriteAsync("xlsx"u8.ToArray(), ct); }));
        button.Find("button.export-button").Click();
        await WaitForEventsAsync(last, 1);

        var refused = Render<ExportButton>(p => p.Add(b => b.Title, "行业主管查询").Add(b => b.Total, 2)
            .Add(b => b.Export, (_, _, _) => throw new ScopeException("无权导出该数据")));
        refused.Find("button.export-button").Click();
        var events = await WaitForEventsAsync(last, 2);

        Assert.Equal([(AuditEvent.Exported, AuditResult.Succeeded, "继续教育记录"), (AuditEvent.Exported, AuditResult.Refused, "行业主管查询")],
            events.Select(AuditTrail.Summary));
        Assert.Equal(("gz_edu", "广州市教育局", "行业主管部门（行业组织）"), (events[0].UserName, events[0].UnitName, events[0].Role));
        Assert.Contains("\"Rows\":2", events[0].Changes);
        Assert.Contains("\"Year\":2025", events[0].Changes);
        Assert.Contains("继续教育记录_", events[0].Changes);
        Assert.DoesNotContain(idNumber, events[0].Changes);
        Assert.Contains(IdNumber.Mask(idNumber), events[0].Changes);
        Assert.Equal("无权导出该数据", events[1].Reason);
        Assert.True((await _app.VerifyAsync()).Intact);
    }

    private async Task<List<AuditEntry>> WaitForEventsAsync(long after, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var events = await _app.EventsAfterAsync(after);
            if (events.Count >= count) return events;
            await Task.Delay(50);
        }
        throw new TimeoutException($"expected {count} audit event(s)");
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _app.DisposeAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
