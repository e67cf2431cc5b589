using CeAdmin.App.Features.Administration;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// An app without demo data, so that the administrator opens the HRSS department himself; circuits re-check
/// every second, so a disabled account's open page ends at once.
/// </summary>
public sealed class EmptySystemFixture : BrowserFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Demo:Enabled"] = "false",
        ["Security:RevalidationSeconds"] = "1",
    };
}

/// <summary>
/// Issue 10 end to end: the 系统管理员 opens the HRSS department and disables an account whose page is open;
/// the 安全审计员 filters the log to that account and exports it; a row altered in the database breaks the chain.
/// </summary>
public sealed class AuditAdministrationBrowserTests(EmptySystemFixture browser) : BrowserTest<EmptySystemFixture>
{
    private const string Password = "Admin2468abc";

    [Fact]
    public async Task Administrator_and_auditor_at_work()
    {
        await CommandAsync("create-administrator", "sys_admin", "赵立新", "13800000101");
        await CommandAsync("create-auditor", "sec_auditor", "孙慧敏", "13800000102");
        await AddVerifiedPersonAsync("hrss_person", "陈志明");

        // The administrator opens the HRSS department, naming the verified person as its operator.
        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, "sys_admin", "系统管理员", Password);
        await Assertions.Expect(admin.Locator("#admin-hint")).ToBeVisibleAsync();
        await browser.GotoAsync(admin, "/admin/units");
        await admin.ClickAsync("#create-hrss");
        await admin.FillAsync("#hrss-code", DemoIds.Uscc("11440000006954321"));
        await admin.FillAsync("#hrss-login", "gdhrss_unit");
        await admin.FillAsync("#hrss-password", "Hrss2468abc");
        await admin.FillAsync("#hrss-operator", "hrss_person");
        await BrowserFixture.ScreenshotAsync(admin, "10-01-admin-create-hrss");
        await admin.ClickAsync("#hrss-save");
        await Ui.ExpectSnackbarAsync(admin, "已开设人社业务主管部门");
        await Assertions.Expect(admin.Locator("#unit-grid tbody tr", new() { HasTextString = "广东省人力资源和社会保障厅" })).ToContainTextAsync("人社业务主管部门");
        await BrowserFixture.ScreenshotAsync(admin, "10-02-admin-units");

        // The person enters the department's role and keeps a page open.
        var person = await browser.NewPageAsync();
        await browser.SignInAsync(person, "hrss_person", "广东省人力资源和社会保障厅", Password);
        await browser.GotoAsync(person, "/records");

        // The administrator disables the person: the open page ends within a revalidation.
        await browser.GotoAsync(admin, "/admin/accounts");
        await admin.FillAsync("#account-text", "hrss_person");
        await admin.ClickAsync("#account-search");
        var row = admin.Locator("#account-grid tbody tr", new() { HasTextString = "hrss_person" });
        await Assertions.Expect(row.Locator(".account-state")).ToHaveTextAsync("正常");
        await row.Locator(".account-disable").ClickAsync();
        await admin.Locator(".mud-dialog button", new() { HasTextString = "停用" }).ClickAsync();
        await Ui.ExpectSnackbarAsync(admin, "已停用账号“hrss_person”");
        await Assertions.Expect(row.Locator(".account-state")).ToHaveTextAsync("已停用");
        await BrowserFixture.ScreenshotAsync(admin, "10-03-admin-accounts");
        await person.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 15_000 });

        // The administrator may not read the log; the auditor may not administer.
        await admin.GotoAsync("/audit");
        await Assertions.Expect(admin.Locator("#access-denied")).ToBeVisibleAsync();
        var auditor = await browser.NewPageAsync();
        await browser.SignInAsync(auditor, "sec_auditor", "安全审计员", Password);
        await auditor.GotoAsync("/admin/accounts");
        await Assertions.Expect(auditor.Locator("#access-denied")).ToBeVisibleAsync();

        // The auditor filters the log to the person's own events …
        await browser.GotoAsync(auditor, "/audit");
        await auditor.FillAsync("#audit-user", "hrss_person");
        await auditor.ClickAsync("#audit-search");
        var total = auditor.Locator("#audit-total");
        // The grid reloads with the filter: wait until no other account's row is left.
        await Assertions.Expect(auditor.Locator("#audit-grid td.audit-user").First).ToHaveTextAsync("hrss_person");
        await Assertions.Expect(total).ToBeVisibleAsync();
        var users = await auditor.Locator("#audit-grid td.audit-user").AllInnerTextsAsync();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal("hrss_person", u.Trim()));
        var events = await auditor.Locator("#audit-grid td.audit-event").AllInnerTextsAsync();
        Assert.Contains("登录", events.Select(e => e.Trim()));
        Assert.Contains("选择登录角色", events.Select(e => e.Trim()));
        await BrowserFixture.ScreenshotAsync(auditor, "10-04-auditor-filtered");

        // … and exports them: every row of the workbook is the person's.
        var rows = int.Parse((await total.InnerTextAsync()).Replace("共", "").Replace("条", "").Replace(",", "").Trim());
        var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.Locator("button.export-button").ClickAsync());
        Assert.StartsWith("审计日志_", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(rows, sheet.Count);
            Assert.All(sheet, r => Assert.Equal("hrss_person", r["账号"]));
            Assert.Contains(sheet, r => (string?)r["事件"] == "登录" && (string?)r["结果"] == "成功");
        }
        finally
        {
            File.Delete(path);
        }

        // The administrator's action on the account: found by its target.
        await auditor.ClickAsync("#audit-clear");
        await auditor.FillAsync("#audit-target", "hrss_person");
        await auditor.ClickAsync("#audit-search");
        await Assertions.Expect(auditor.Locator("#audit-grid tbody tr", new() { HasTextString = "停用账号" }).First).ToContainTextAsync("sys_admin");

        // Someone alters a row behind the app's back: the verification names it.
        long altered;
        await using (var db = Db())
        {
            altered = await db.AuditEntries.Where(e => e.UserName == "hrss_person").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ClientAddress\" = '10.0.0.99' WHERE \"Id\" = {altered}");
        }
        await auditor.ClickAsync("#verify-chain");
        await Assertions.Expect(auditor.Locator("#verification-summary")).ToContainTextAsync($"链已断开", new() { Timeout = 30_000 });
        await Assertions.Expect(auditor.Locator("#verification-breaks")).ToContainTextAsync(altered.ToString());
        await BrowserFixture.ScreenshotAsync(auditor, "10-05-auditor-chain-broken");
    }

    private AppDbContext Db() => browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create();

    /// <summary>The server's command line (docs/deploy.md), against the app's database.</summary>
    private async Task CommandAsync(string command, string login, string name, string mobile)
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(
            [AdminCommand.Verb, command, "--login", login, "--name", name, "--mobile", mobile,
             "--Database:Provider=Sqlite", $"--Database:ConnectionString={browser.Server.ConnectionString}", "--Logging:LogLevel:Default=Warning"],
            new StringReader(Password + "\n"), TextWriter.Null, error);
        Assert.True(code == 0, error.ToString());
    }

    /// <summary>A verified personal account, as 个人账号申请 and 实名认证 would leave it.</summary>
    private async Task AddVerifiedPersonAsync(string login, string realName)
    {
        await using var scope = browser.Server.Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        await using var db = Db();
        var user = new AppUser
        {
            UserName = login, NormalizedUserName = login.ToUpperInvariant(), Kind = AccountKind.Personal, CreatedAt = DateTime.UtcNow,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            RealName = realName, IdNumber = DemoIds.IdNumber("440104", new DateOnly(1979, 3, 4), 211), PhoneNumber = "13800000103",
            VerificationLevel = VerificationLevel.Level2, VerifiedAt = DateTime.UtcNow,
        };
        user.PasswordHash = hasher.HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }
}
