using Bunit;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Audit;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Exports;

/// <summary>The one export component: progress while writing, 取消, and the download handed to the browser.</summary>
public sealed class ExportButtonTests : MudTestContext
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ceadmin-export-test-" + Guid.NewGuid().ToString("N"));
    private readonly ExportFileStore _store;
    private readonly RecordingAuditLog _audit = new();

    public ExportButtonTests()
    {
        _store = new ExportFileStore(new ExportOptions { Directory = _dir }, TimeProvider.System);
        Services.AddSingleton(_store);
        Services.AddSingleton<IAuditLog>(_audit);
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(new Actor("user-1", "gz_edu", 3, "广州市教育局", UnitKind.Authority)));
    }

    public override Task InitializeAsync()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Task.CompletedTask;
    }

    private IRenderedComponent<ExportButton> RenderButton(Func<Stream, IProgress<int>, CancellationToken, Task> export, int? total = 5_000) =>
        Render<ExportButton>(p => p.Add(b => b.Title, "继续教育记录").Add(b => b.Total, total).Add(b => b.Export, export)
            .Add(b => b.Filter, new { PersonName = "张三", IdNumber = "440106199001011234" }));

    private string[] Files() => Directory.Exists(_dir) ? Directory.GetFiles(_dir) : [];

    [Fact]
    public async Task Shows_rows_written_so_far_and_cancel_stops_the_export_and_deletes_its_file()
    {
        var reported = new TaskCompletionSource();
        var sawCancel = new TaskCompletionSource();
        var cut = RenderButton(async (stream, progress, ct) =>
        {
            await stream.WriteAsync(new byte[1024], ct);
            progress.Report(1_000);
            progress.Report(2_000);
            reported.SetResult();
            try { await Task.Delay(Timeout.Infinite, ct); }
            finally { sawCancel.TrySetResult(); }
        });

        cut.Find("button.export-button").Click();
        await reported.Task;
        cut.WaitForAssertion(() => Assert.Contains("已导出 2,000 行，共 5,000 行", cut.Find(".export-count").TextContent));
        Assert.Empty(cut.FindAll("button.export-button"));
        Assert.Single(Files());

        cut.Find("button.export-cancel").Click();
        await sawCancel.Task;
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button.export-button")));
        Assert.Empty(cut.FindAll(".export-progress"));
        Assert.Empty(Files());
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "ceadmin.download");
        // Nothing was exported: nothing to audit.
        Assert.Empty(_audit.Records);
    }

    [Fact]
    public async Task A_finished_export_is_downloaded_once_by_its_owner_only()
    {
        var cut = RenderButton(async (stream, progress, ct) =>
        {
            await stream.WriteAsync("xlsx"u8.ToArray(), ct);
            progress.Report(3);
        }, total: 3);

        cut.Find("button.export-button").Click();
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "ceadmin.download"));
        var url = (string)JSInterop.Invocations.Single(i => i.Identifier == "ceadmin.download").Arguments[0]!;
        Assert.StartsWith("/exports/", url);
        var token = url["/exports/".Length..];

        Assert.Null(_store.Take(token, "someone-else"));
        var file = _store.Take(token, "user-1");
        Assert.NotNull(file);
        Assert.StartsWith("继续教育记录_", file.FileName);
        Assert.Equal("xlsx", await File.ReadAllTextAsync(file.Path));
        Assert.Null(_store.Take(token, "user-1"));

        // 导出 is audited: the grid, its filter and the rows written.
        var record = Assert.Single(_audit.Records);
        Assert.Equal((AuditEvent.Exported, "继续教育记录", null), (record.Event, record.Target, record.RefusedBecause));
        var details = AuditMasking.Serialize(record.Details);
        Assert.Contains("\"Rows\":3", details);
        Assert.Contains("张三", details);
        Assert.DoesNotContain("440106199001011234", details);
    }

    [Fact]
    public void A_refused_export_is_audited_with_its_reason()
    {
        var cut = RenderButton((_, _, _) => throw new ScopeException("无权导出"), total: 3);
        cut.Find("button.export-button").Click();
        cut.WaitForAssertion(() => Assert.Single(_audit.Records));
        Assert.Equal((AuditEvent.Exported, "无权导出"), (_audit.Records[0].Event, _audit.Records[0].RefusedBecause));
    }

    [Fact]
    public void Nothing_to_export_disables_the_button()
    {
        var cut = RenderButton((_, _, _) => Task.CompletedTask, total: 0);
        Assert.True(cut.Find("button.export-button").HasAttribute("disabled"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
