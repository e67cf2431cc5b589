using System.Text.RegularExpressions;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Compliance;

/// <summary>
/// From 统计分析's 达标 number to the people behind it, one person's detail, a printed 学时证明, and its public
/// verification page: 有效, then 已失效 once a record behind it changes.
/// </summary>
public sealed class ComplianceBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task Statistics_open_the_people_who_met_and_a_certificate_verifies_until_a_record_changes()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await Ui.MenuAsync(page, "统计分析");
        var metLink = page.Locator("#stat-met-link");
        await Assertions.Expect(metLink).ToContainTextAsync("达标");
        var metCount = Regex.Match(await metLink.InnerTextAsync(), @"达标\s*([\d,]+)").Groups[1].Value;

        await metLink.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("compliance\\?.*status=met"));
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#compliance-total")).ToContainTextAsync($"共 {metCount} 人次");
        var statuses = page.Locator("#compliance-grid .compliance-status");
        await Assertions.Expect(statuses.First).ToHaveTextAsync("达标");
        Assert.All(await statuses.AllInnerTextsAsync(), s => Assert.Equal("达标", s.Trim()));
        Assert.DoesNotMatch(@"\d{17}[\dX]", await page.Locator("#compliance-grid").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "1.7-compliance-01-met-from-statistics");

        // The people who missed it, with what is missing.
        await page.Locator("#compliance-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "未达标" }).ClickAsync();
        await page.Locator("#compliance-search").ClickAsync();
        await Assertions.Expect(statuses.First).ToHaveTextAsync("未达标");
        await Assertions.Expect(page.Locator("#compliance-grid")).ToContainTextAsync("差");
        await BrowserFixture.ScreenshotAsync(page, "1.7-compliance-02-not-met");

        await page.Locator("#compliance-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "达标", Exact = true }).ClickAsync();
        await page.Locator("#compliance-search").ClickAsync();
        await Assertions.Expect(statuses.First).ToHaveTextAsync("达标");
        await page.Locator("#compliance-grid a.view-compliance").First.ClickAsync();
        await Assertions.Expect(page.Locator("#compliance-records")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#panel-totals")).ToContainTextAsync("达标");
        var recordId = long.Parse(Regex.Match(page.Url, @"compliance/(\d+)").Groups[1].Value);
        await BrowserFixture.ScreenshotAsync(page, "1.7-compliance-03-detail");

        await page.Locator("#issue-certificate").ClickAsync();
        var link = page.Locator("#certificate-verify-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#certificate-qr")).ToBeVisibleAsync();
        var verifyUrl = (await link.GetAttributeAsync("href"))!;
        Assert.Matches(@"/verify/[A-Za-z0-9_-]{43}$", verifyUrl);
        await BrowserFixture.ScreenshotAsync(page, "1.7-compliance-04-certificate-issued");

        // The PDF behind 下载PDF, and the stored certificate carries the same token as the QR code's link.
        var pdfHref = (await page.Locator("#certificate-pdf").GetAttributeAsync("href"))!;
        var pdf = await page.Context.APIRequest.GetAsync(pdfHref);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
            Assert.EndsWith("/verify/" + (await db.Certificates.OrderByDescending(c => c.Id).FirstAsync()).Token, verifyUrl);

        // Anyone with the QR code, signed in or not.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(verifyUrl);
        await Assertions.Expect(visitor.Locator("#verify-outcome")).ToHaveTextAsync("有效");
        Assert.Contains("*", await visitor.Locator("#verify-id").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(visitor, "1.7-compliance-05-verify-valid");
        await visitor.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.ScreenshotAsync(visitor, "1.7-compliance-05-verify-valid-1366", fullPage: false);

        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
        {
            var record = await db.CeRecords.SingleAsync(r => r.Id == recordId);
            record.Hours -= 1;
            await db.SaveChangesAsync();
        }
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("#verify-outcome")).ToHaveTextAsync("已失效");
        await Assertions.Expect(visitor.Locator("#verify-reason")).ToContainTextAsync("已发生变更");
        await BrowserFixture.ScreenshotAsync(visitor, "1.7-compliance-06-verify-invalid");

        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("compliance");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(statuses.First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-compliance-07-grid-1366", fullPage: false);
    }

    [Fact]
    public async Task The_home_page_shows_what_is_due_and_hrss_keeps_the_deadlines_next_to_the_hours_rules()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        var reminders = page.Locator("#due-reminders");
        await Assertions.Expect(reminders).ToBeVisibleAsync();
        await Assertions.Expect(reminders).ToContainTextAsync("待审核的专业课计划");
        await Assertions.Expect(page.Locator("#due-reporting")).ToContainTextAsync("学时申报截止");
        await Assertions.Expect(page.Locator("#due-reporting")).ToContainTextAsync("未达标");
        await BrowserFixture.ScreenshotAsync(page, "1.0-home-01-due-authority");
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.ScreenshotAsync(page, "1.0-home-01-due-authority-1366", fullPage: false);

        // The reporting card opens the people still short in that year.
        await page.Locator("#due-reporting a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("compliance\\?year=\\d{4}&status=notmet"));
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#compliance-grid .compliance-status").First).ToHaveTextAsync("未达标");

        // A plan review waiting since a month ago is beyond the 10 working days: marked on the home page and in the grid.
        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
        {
            var unit = await db.ReviewCases.Where(c => c.Kind == CeAdmin.Domain.Approvals.ReviewKind.TrainingPlan && c.Status == CeAdmin.Domain.Approvals.ReviewStatus.Submitted
                && c.ReviewingUnitName == "广州市教育局").Select(c => c.Id).FirstAsync();
            await db.ReviewCases.Where(c => c.Id == unit).ExecuteUpdateAsync(u => u.SetProperty(c => c.SubmittedAt, DateTime.UtcNow.AddDays(-30)));
        }
        await browser.GotoAsync(page, "/");
        await Assertions.Expect(page.Locator("#due-reviews-TrainingPlan")).ToContainTextAsync("已超过 10 个工作日审核期限");
        await page.Locator("#due-reviews-TrainingPlan a").ClickAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".review-overdue-chip").First).ToHaveTextAsync("已超期");
        await BrowserFixture.ScreenshotAsync(page, "1.4-plan-reviews-overdue-1366", fullPage: false);

        var hrss = await browser.SignedInPageAsync("hrss_reviewer", "广东省人力资源和社会保障厅");
        await browser.GotoAsync(hrss, "/hours-rules");
        await Assertions.Expect(hrss.Locator("#rules-grid")).ToContainTextAsync("审核期限(工作日)");
        await hrss.Locator("#rules-grid tbody tr", new() { HasTextString = "2021-01-31" }) /* the row of 2020 (its deadline) */.Locator("a.grid-link").ClickAsync();
        await Assertions.Expect(hrss.Locator("#rule-review-days")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(hrss, "1.0-hours-rules-01-deadlines", fullPage: false);
    }
}
