using System.Text.Json;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Features.Operations;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace CeAdmin.Tests.Operations;

/// <summary>
/// The deployment of docs/deploy.md, run for real by scripts/cluster.sh: PostgreSQL, instances a (migrates)
/// and b, Debian's nginx with deploy/nginx/ceadmin.conf. An operator works through nginx while instances
/// stop, the database goes away and a disk fills up.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("Cluster")]
public sealed class SeveralInstancesBrowserTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _browsers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Closes this test's browsers: their pages' circuits would otherwise stay open on the instances.</summary>
    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers) await browser.CloseAsync();
    }

    private async Task<string> StopAsync(string name)
    {
        var stopped = await cluster.StopAsync(name);
        output.WriteLine($"{DateTime.Now:HH:mm:ss} {stopped}");
        return stopped;
    }

    private const string Operator = "gz_edu";
    private const string Unit = "广州市教育局";

    /// <summary>Records the reconnect dialog's states and every snackbar into sessionStorage, which survives the reload.</summary>
    private const string RecordFailover = """
        () => {
          const log = what => { const a = JSON.parse(sessionStorage.getItem('failover') || '[]'); a.push(what); sessionStorage.setItem('failover', JSON.stringify(a)); };
          const modal = document.getElementById('components-reconnect-modal');
          modal.addEventListener('components-reconnect-state-changed', e => log('state:' + e.detail.state + ':' + modal.textContent.replace(/\s+/g, ' ')));
          new MutationObserver(() => document.querySelectorAll('.mud-snackbar').forEach(s => log('snackbar:' + s.textContent))).observe(document.body, { childList: true, subtree: true });
          window.beforeFailover = true;
        }
        """;

    private async Task<IPage> SignedInAsync(string? baseUrl = null)
    {
        var page = await cluster.NewPageAsync(baseUrl);
        _browsers.Add(page.Context);
        await BrowserFixture.SignInWithPasswordAsync(page, Operator, Unit, ClusterFixture.DemoPassword);
        return page;
    }

    /// <summary>继续教育记录查询 (1.7.1), signed in as 广州市教育局.</summary>
    private async Task<IPage> OnRecordsAsync(string? baseUrl = null)
    {
        var page = await SignedInAsync(baseUrl);
        await page.GotoAsync("/records");
        await BrowserFixture.WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>导出Excel, keeping the one-time link instead of letting the browser fetch it from the instance that wrote it.</summary>
    private static async Task<string> ExportLinkAsync(IPage page)
    {
        await page.EvaluateAsync("() => { window.ceadmin.download = url => { window.exportUrl = url; }; }");
        await page.Locator("button.export-button").ClickAsync();
        return await (await page.WaitForFunctionAsync("() => window.exportUrl")).JsonValueAsync<string>();
    }

    /// <summary>A county's 行业主管角色申请 waiting for 广州市教育局's review (1.5.1).</summary>
    private async Task<int> PendingCaseAsync(string region)
    {
        var scenario = new AuthorityScenario(cluster.Data);
        var county = await scenario.UnitAsync($"集群测试教育局{Guid.NewGuid().ToString("N")[..6]}", UnitKind.Authority, region);
        await using var db = cluster.Data.Db();
        var city = await db.Authorities.Where(a => a.Name == Unit).Select(a => a.Id).SingleAsync();
        return await scenario.CaseIdAsync(await scenario.ApplyAsync(county, AffiliationLevel.County, region, city));
    }

    private async Task<List<ApprovalHistory>> HistoryAsync(int caseId)
    {
        await using var db = cluster.Data.Db();
        return await db.ApprovalHistories.AsNoTracking().Where(h => h.ReviewCaseId == caseId).OrderBy(h => h.Seq).ToListAsync();
    }

    private static async Task ApproveAsync(IPage page, int caseId)
    {
        await page.GotoAsync($"/authority-reviews/{caseId}");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator(".review-panel label", new() { HasText = "同意" }).First.ClickAsync();
        await page.ClickAsync(".review-submit");
    }

    private static async Task WaitForFailoverAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !window.beforeFailover && !!document.getElementById('app-ready')", null, new() { Timeout = 90_000 });
    }

    private static async Task<List<string>> FailoverLogAsync(IPage page) =>
        JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('failover')") ?? "[]")!;

    [Fact]
    public async Task Only_the_first_instance_migrated_and_nginx_keeps_a_browser_on_one_instance_over_websockets_with_forwarded_https()
    {
        Assert.Contains(File.ReadLines(cluster.LogOf("a")), l => l.Contains("\"Message\":\"Applying ") && l.Contains(" migration(s) on Postgres"));
        Assert.DoesNotContain(File.ReadLines(cluster.LogOf("b")), l => l.Contains("Applying"));

        var page = await SignedInAsync();
        // Forwarded headers: the app saw https behind nginx, so its sign-in cookie is Secure.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "CeAdmin.Auth");
        Assert.True(cookie.Secure && cookie.HttpOnly);

        // Sticky: every request of this browser reaches the same instance.
        var instances = new List<string>();
        for (var i = 0; i < 12; i++) instances.Add(await ClusterFixture.InstanceOfAsync(page));
        Assert.Single(instances.Distinct());

        // WebSockets: the circuit's connection was upgraded by nginx (101) and went to that instance.
        await page.GotoAsync("/records");
        await BrowserFixture.WaitInteractiveAsync(page);
        var port = new Uri(cluster.InstanceUrl(instances[0])).Port;
        var access = await File.ReadAllLinesAsync(Path.Combine(cluster.Dir, "nginx", "access.log"));
        Assert.Contains(access, l => l.Contains("GET /_blazor?id=") && l.Contains("\" 101 upstream=127.0.0.1:" + port));

        // Plain http is sent to https.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirect = await http.GetAsync(File.ReadLines(Path.Combine(cluster.Dir, "cluster.env")).Single(l => l.StartsWith("CLUSTER_HTTP_URL="))[17..] + "/records");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(cluster.Url + "/records", redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Stopping_the_instance_that_holds_the_page_moves_the_operator_to_the_other_signed_in_with_nothing_saved_lost()
    {
        var first = await PendingCaseAsync("440111");
        var second = await PendingCaseAsync("440112");
        var page = await SignedInAsync();
        var holder = await ClusterFixture.InstanceOfAsync(page);
        var other = ClusterFixture.Other(holder);

        await ApproveAsync(page, first);
        await Ui.ExpectReviewOutcomeAsync(page, "审核完成：同意");

        // The decision made on one instance is there at once on the other (same browser, straight to it).
        var direct = await page.Context.NewPageAsync();
        await direct.GotoAsync($"{cluster.InstanceUrl(other)}/authority-reviews/{first}");
        await Assertions.Expect(direct.Locator(".case-status-line")).ToContainTextAsync("同意");
        await direct.CloseAsync();

        // The operator opens the next case and has chosen 同意 when the instance is stopped for an update.
        await page.GotoAsync($"/authority-reviews/{second}");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator(".review-panel label", new() { HasText = "同意" }).First.ClickAsync();
        await page.EvaluateAsync(RecordFailover);
        try
        {
            Assert.Contains($"{holder} exited with 0", await StopAsync(holder));

            // The page was told, showed the (Chinese) reconnect dialog, and reloaded on the other instance.
            await WaitForFailoverAsync(page);
            var seen = await FailoverLogAsync(page);
            Assert.Contains(seen, s => s.StartsWith("snackbar:") && s.Contains(ShutdownNotice.Text));
            Assert.Contains(seen, s => s.StartsWith("state:show:") && s.Contains("正在重新连接服务器"));
            Assert.Equal(other, await ClusterFixture.InstanceOfAsync(page));
            await BrowserFixture.ScreenshotAsync(page, "ops-01-after-failover");

            // Still signed in there (the key ring is shared through the database), on the same case.
            Assert.EndsWith($"/authority-reviews/{second}", page.Url);
            await Assertions.Expect(page.Locator("#current-user")).ToHaveTextAsync(Operator);
            await page.Locator(".review-panel label", new() { HasText = "同意" }).First.ClickAsync();
            await page.ClickAsync(".review-submit");
            await Ui.ExpectReviewOutcomeAsync(page, "审核完成：同意");

            await page.GotoAsync($"/authority-reviews/{first}");
            await Assertions.Expect(page.Locator(".case-status-line")).ToContainTextAsync("同意");
        }
        finally
        {
            await cluster.StartAsync(holder);
        }

        Assert.Equal([ReviewCase.SubmitLabel, "同意"], (await HistoryAsync(first)).Select(h => h.Result));
        Assert.Equal([ReviewCase.SubmitLabel, "同意"], (await HistoryAsync(second)).Select(h => h.Result));
    }

    [Fact]
    public async Task An_export_link_works_once_on_whichever_instance_the_browser_reaches()
    {
        var page = await OnRecordsAsync();
        var holder = await ClusterFixture.InstanceOfAsync(page);
        var url = await ExportLinkAsync(page);

        try
        {
            await StopAsync(holder);
            // nginx now sends this browser to the other instance, which serves the file from the database.
            var response = await page.APIRequest.GetAsync(url);
            Assert.Equal(200, response.Status);
            Assert.Equal(ClusterFixture.Other(holder), response.Headers["x-ceadmin-instance"]);
            Assert.Equal(ExportFileStore.ContentType, response.Headers["content-type"]);
            var body = await response.BodyAsync();
            Assert.Equal("PK"u8.ToArray(), body[..2]);
            using var sheet = new MemoryStream(body);
            Assert.True(MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Count() > 100);

            var again = await page.APIRequest.GetAsync(url);
            Assert.Equal(404, again.Status);
            Assert.Equal(ExportEndpoints.ExpiredMessage, await again.TextAsync());
        }
        finally
        {
            await cluster.StartAsync(holder);
        }
    }

    [Fact]
    public async Task A_stopping_instance_cancels_a_running_export_cleanly_and_the_page_goes_on_elsewhere()
    {
        var page = await OnRecordsAsync();
        await Assertions.Expect(page.Locator("#records-total")).ToContainTextAsync("共");
        var holder = await ClusterFixture.InstanceOfAsync(page);
        await page.EvaluateAsync(RecordFailover);

        var started = DateTime.UtcNow;
        // Hold the records table so that the export is still running when the instance stops.
        await using var lockHolder = new NpgsqlConnection(cluster.Database.ConnectionString);
        await lockHolder.OpenAsync();
        await using var tx = await lockHolder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE \"CeRecords\" IN ACCESS EXCLUSIVE MODE", lockHolder, tx))
            await lockTable.ExecuteNonQueryAsync();
        string stopped;
        try
        {
            await page.Locator("button.export-button").ClickAsync();
            await Assertions.Expect(page.Locator(".export-progress")).ToBeVisibleAsync();
            Assert.Single(Directory.GetFiles(cluster.ExportDirectoryOf(holder)));

            stopped = await StopAsync(holder);
        }
        finally
        {
            await tx.RollbackAsync();
        }

        try
        {
            // It stopped at once and cleanly, the export cancelled and its partial file deleted, nothing stored.
            Assert.Matches($@"^{holder} exited with 0 after ([0-9]|1[0-9]) s", stopped.Trim());
            Assert.Empty(Directory.GetFiles(cluster.ExportDirectoryOf(holder)));
            Assert.Contains(File.ReadLines(cluster.LogOf(holder)), l => l.Contains("Export 继续教育记录 cancelled: the instance is stopping"));
            await using (var db = cluster.Data.Db())
                Assert.Equal(0, await db.ExportFiles.CountAsync(f => f.CreatedAt >= started));

            await WaitForFailoverAsync(page);
            var seen = await FailoverLogAsync(page);
            Assert.Contains(seen, s => s.StartsWith("snackbar:") && s.Contains(ExportFileStore.StoppingMessage));
            await Assertions.Expect(page.Locator("#records-total")).ToContainTextAsync("共");
            Assert.Equal(ClusterFixture.Other(holder), await ClusterFixture.InstanceOfAsync(page));
        }
        finally
        {
            await cluster.StartAsync(holder);
        }
    }

    [Fact]
    public async Task A_database_outage_shows_a_chinese_message_and_work_resumes_when_it_is_back_without_restarting_the_app()
    {
        var caseId = await PendingCaseAsync("440113");
        var page = await SignedInAsync();
        await page.GotoAsync($"/authority-reviews/{caseId}");
        await BrowserFixture.WaitInteractiveAsync(page);
        // Everything of the page loaded (its panels load over the circuit after it is interactive).
        await Assertions.Expect(page.Locator(".mud-navmenu a", new() { HasTextString = "继续教育记录查询" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".approval-history tbody tr")).ToContainTextAsync(ReviewCase.SubmitLabel);
        await Assertions.Expect(page.Locator(".attachments-panel tbody tr")).ToContainTextAsync("统一社会信用代码证.png");
        var pids = new[] { "a", "b" }.Select(n => File.ReadAllText(Path.Combine(cluster.Dir, n + ".pid"))).ToList();
        // The balancer's probe: no cookie.
        using var probe = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = new Uri(cluster.Url) };

        await PostgresServer.PauseAsync();
        Step("database stopped");
        try
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
            // A page requested meanwhile says so in Chinese (the cookie cannot be checked against the database).
            var refused = await page.APIRequest.GetAsync("/records");
            Assert.Equal((503, RequestLogScope.OutageText), (refused.Status, await refused.TextAsync()));
            Step("503 page");

            // In the open page: the decision is refused with the message once the retries are spent.
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
            await page.Locator(".review-panel label", new() { HasText = "同意" }).First.ClickAsync();
            await page.ClickAsync(".review-submit");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = DatabaseUnavailableException.Text }))
                .ToBeVisibleAsync(new() { Timeout = 60_000 });
            Step("decision refused");
            await BrowserFixture.ScreenshotAsync(page, "ops-02-database-unavailable");

            // Another page of the circuit that cannot load says so too, and the circuit lives on.
            await page.Locator(".mud-navmenu a", new() { HasTextString = "首页" }).ClickAsync();
            await Assertions.Expect(page.Locator(".page-error", new() { HasTextString = DatabaseUnavailableException.Text }))
                .ToBeVisibleAsync(new() { Timeout = 60_000 });
            Step("page refused");
        }
        finally
        {
            await PostgresServer.ResumeAsync();
            Step("database started");
        }

        // The same circuit, still signed in through the revalidations during the outage: back to the case, decide again.
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#current-user")).ToHaveTextAsync(Operator);
        await page.Locator(".review-panel label", new() { HasText = "同意" }).First.ClickAsync(new() { Timeout = 60_000 });
        await page.ClickAsync(".review-submit");
        await Ui.ExpectReviewOutcomeAsync(page, "审核完成：同意");
        Step("decided");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(pids, new[] { "a", "b" }.Select(n => File.ReadAllText(Path.Combine(cluster.Dir, n + ".pid"))));
        Assert.Equal([ReviewCase.SubmitLabel, "同意"], (await HistoryAsync(caseId)).Select(h => h.Result));
    }

    private void Step(string what) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");

    [Fact]
    public async Task A_full_export_disk_fails_the_export_with_a_message_and_nothing_else_breaks()
    {
        // Instance c writes its exports to a 32 KB disk: the records export does not fit.
        await cluster.StartAsync("c");
        try
        {
            var page = await OnRecordsAsync(cluster.InstanceUrl("c"));
            // Every year's records: the current year's alone may be small enough to fit.
            await Ui.SelectAsync(page, "#filter-year", "全部");
            await page.ClickAsync("#records-search");
            await Assertions.Expect(page.Locator("#records-total")).ToContainTextAsync("共");
            await page.Locator("button.export-button").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = ExportFileStore.StorageMessage })).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "ops-03-export-disk-full");

            // Nothing left on the disk, nothing stored, and the page and the instance go on working.
            Assert.Empty(Directory.GetFiles(cluster.ExportDirectoryOf("c")));
            await Assertions.Expect(page.Locator("button.export-button")).ToBeEnabledAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).Or(page.Locator("button[aria-label='下一页']")).First.ClickAsync();
            await Assertions.Expect(page.Locator("#records-grid tbody tr td").First).ToHaveTextAsync("21");
            Assert.Contains(File.ReadLines(cluster.LogOf("c")), l => l.Contains("Export 继续教育记录 could not be written") && l.Contains("No space left on device"));
        }
        finally
        {
            await StopAsync("c");
        }
    }

    [Fact]
    public async Task Production_logs_are_json_lines_with_request_account_and_unit_and_no_personal_identifiers()
    {
        var page = await OnRecordsAsync();
        var holder = await ClusterFixture.InstanceOfAsync(page);
        await ExportLinkAsync(page);

        await using var db = cluster.Data.Db();
        var me = await db.Users.Where(u => u.UserName == Operator).Select(u => u.Id).SingleAsync();
        var unit = await db.UnitAccounts.Where(u => u.Name == Unit).Select(u => u.Id).SingleAsync();
        // Everything that names a person: login names, real names, phone numbers, ID numbers (accounts and records).
        var people = await db.Users.Select(u => new[] { u.UserName, u.RealName, u.PhoneNumber, u.IdNumber, u.Email }).ToListAsync();
        var records = await db.CeRecords.OrderBy(r => r.Id).Take(500).Select(r => new[] { r.IdNumber, r.PersonName }).ToListAsync();
        var identifiers = people.Concat(records).SelectMany(x => x).OfType<string>().Where(s => s.Length >= 4).ToHashSet();

        var lines = new[] { "a", "b" }.SelectMany(n => File.ReadLines(cluster.LogOf(n))).Where(l => l.Length > 0).ToList();
        var scopesOf = new List<Dictionary<string, JsonElement>>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);  // every line is one JSON object
            var root = json.RootElement;
            foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" }) Assert.True(root.TryGetProperty(field, out _), field);
            var scopes = root.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object)
                .SelectMany(s => s.EnumerateObject()).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Value.Clone());
            // A line written inside a request (a page's circuit included) names the request, the account and the unit.
            if (scopes.ContainsKey("RequestId")) Assert.True(scopes.ContainsKey("AccountId") && scopes.ContainsKey("UnitId"), line);
            scopesOf.Add(scopes);
            var named = identifiers.FirstOrDefault(line.Contains);
            Assert.True(named is null, $"a log line names a person ({named}): {line}");
        }

        var exported = lines.Select((l, i) => (l, i)).Last(x => x.l.Contains("Export 继续教育记录 completed"));
        var s = scopesOf[exported.i];
        Assert.Equal((me, unit.ToString()), (s["AccountId"].GetString(), s["UnitId"].GetString()));
        Assert.False(string.IsNullOrEmpty(s["RequestId"].GetString()));
        Assert.Contains(File.ReadLines(cluster.LogOf(holder)), l => l == exported.l);
    }
}
