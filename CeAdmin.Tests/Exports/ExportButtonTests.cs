using Bunit;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Audit;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Exports;

/// <summary>
/// The one export component: progress while writing, 取消, the download handed to the browser, and what
/// goes wrong on the server (an unwritable directory, a full disk, the instance stopping) shown as a message
/// with nothing left behind and the next export working.
/// </summary>
public sealed class ExportButtonTests : MudTestContext
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ceadmin-export-test-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingAuditLog _audit = new();
    private readonly TestLifetime _lifetime = new();
    private ExportOptions _options = null!;
    private TestApp _app = null!;
    private ExportFileStore _store = null!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _options = new ExportOptions { Directory = _dir };
        _store = ExportTestStores.Instance(_app, _options, _lifetime);
        Services.AddSingleton(_store);
        Services.AddSingleton<IAuditLog>(_audit);
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(new Actor("user-1", "gz_edu", 3, "广州市教育局", UnitKind.Authority)));
        Render<MudPopoverProvider>();
        _snackbars = Render<MudSnackbarProvider>();
    }

    private IRenderedComponent<ExportButton> RenderButton(Func<Stream, IProgress<int>, CancellationToken, Task> export, int? total = 5_000) =>
        Render<ExportButton>(p => p.Add(b => b.Title, "继续教育记录").Add(b => b.Total, total).Add(b => b.Export, export)
            .Add(b => b.Filter, new { PersonName = "张三", IdNumber = "440106199001011234" }));

    private string[] Files() => Directory.Exists(_dir) ? Directory.GetFiles(_dir) : [];

    private async Task<int> StoredFilesAsync()
    {
        await using var db = _app.Db();
        return await db.ExportFiles.CountAsync();
    }

    private static Task WriteSome(Stream stream, IProgress<int> progress, CancellationToken ct)
    {
        progress.Report(3);
        return stream.WriteAsync("xlsx"u8.ToArray(), ct).AsTask();
    }

    private void ExpectSnackbar(string text) => _snackbars.WaitForAssertion(() => Assert.Contains(text, _snackbars.Markup));

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
        Assert.Equal(0, await StoredFilesAsync());
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "ceadmin.download");
        // Nothing was exported: nothing to audit.
        Assert.Empty(_audit.Records);
    }

    [Fact]
    public async Task A_finished_export_is_stored_for_one_download_by_its_owner_only()
    {
        var cut = RenderButton(WriteSome, total: 3);

        cut.Find("button.export-button").Click();
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "ceadmin.download"));
        var url = (string)JSInterop.Invocations.Single(i => i.Identifier == "ceadmin.download").Arguments[0]!;
        Assert.StartsWith("/exports/", url);
        var token = url["/exports/".Length..];
        Assert.Empty(Files());  // the workspace file is gone; the export waits in the database
        Assert.Equal(1, await StoredFilesAsync());

        Assert.Null(await _store.TakeAsync(token, "someone-else"));
        var file = await _store.TakeAsync(token, "user-1");
        Assert.NotNull(file);
        Assert.StartsWith("继续教育记录_", file.FileName);
        using var downloaded = new MemoryStream();
        await _store.CopyToAsync(file, downloaded, CancellationToken.None);
        Assert.Equal("xlsx"u8.ToArray(), downloaded.ToArray());
        Assert.Null(await _store.TakeAsync(token, "user-1"));
        Assert.Equal(0, await StoredFilesAsync());

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

    [Fact]
    public async Task An_unwritable_export_directory_fails_with_a_message_and_the_next_export_works_once_it_is_fixed()
    {
        // A file where the directory should be: creating it fails for root too.
        var blocked = Path.Combine(_dir, "not-a-directory");
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(blocked, "");
        _options.Directory = Path.Combine(blocked, "exports");
        var cut = RenderButton(WriteSome, total: 3);

        cut.Find("button.export-button").Click();
        ExpectSnackbar(ExportFileStore.StorageMessage);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button.export-button")));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "ceadmin.download");

        _options.Directory = _dir;
        foreach (var _ in Enumerable.Range(0, 5))
        {
            // More attempts than export slots: a failed one gave its slot back.
            cut.Find("button.export-button").Click();
            cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button.export-button")));
        }
        cut.WaitForAssertion(() => Assert.Equal(5, JSInterop.Invocations.Count(i => i.Identifier == "ceadmin.download")));
    }

    [Fact]
    public async Task A_disk_full_while_writing_fails_with_a_message_and_leaves_no_file()
    {
        // What FileStream throws on ENOSPC; the cluster test fills a real (tiny) disk.
        var cut = RenderButton(async (stream, progress, ct) =>
        {
            await stream.WriteAsync(new byte[4096], ct);
            progress.Report(100);
            throw new IOException("No space left on device");
        });

        cut.Find("button.export-button").Click();
        ExpectSnackbar(ExportFileStore.StorageMessage);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button.export-button")));
        Assert.Empty(Files());
        Assert.Equal(0, await StoredFilesAsync());
    }

    [Fact]
    public async Task Stopping_the_instance_cancels_a_running_export_cleanly_and_refuses_new_ones()
    {
        var writing = new TaskCompletionSource();
        var cut = RenderButton(async (stream, progress, ct) =>
        {
            await stream.WriteAsync(new byte[1024], ct);
            progress.Report(10);
            writing.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        cut.Find("button.export-button").Click();
        await writing.Task;
        Assert.Single(Files());

        _lifetime.StopApplication();
        await _store.WaitForRunningAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        ExpectSnackbar(ExportFileStore.StoppingMessage);
        Assert.Empty(Files());
        Assert.Equal(0, await StoredFilesAsync());
        var refused = Assert.Throws<DomainException>(() => _store.Begin(new Actor("user-1", "gz_edu", 3, "广州市教育局", UnitKind.Authority), "x.xlsx"));
        Assert.Equal(ExportFileStore.StoppingMessage, refused.Message);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _app.DisposeAsync();
        _lifetime.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
