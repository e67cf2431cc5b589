using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.ReferenceData;

/// <summary>学时规定: the HRSS department adds a year's rule, with a field message for a wrong sum; authorities only read.</summary>
public sealed class HoursRulesBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task Hrss_adds_a_years_rule_and_a_wrong_sum_is_refused_at_its_field()
    {
        var page = await browser.SignedInPageAsync("hrss_reviewer", "广东省人力资源和社会保障厅");
        await browser.GotoAsync(page, "/hours-rules");
        await Assertions.Expect(page.Locator("#rules-grid")).ToContainTextAsync("2021");

        await page.ClickAsync("#add-rule");
        await page.FillAsync("#rule-year", "2036");
        await page.FillAsync("#rule-per-day", "8");
        await page.Locator(".mud-dialog input").Nth(4).FillAsync("30");
        await page.Locator(".mud-dialog input").Nth(5).FillAsync("42");
        await page.Locator(".mud-dialog input").Nth(6).FillAsync("18");
        await page.FillAsync("#rule-annual", "100");
        await page.ClickAsync("#rule-save");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("年度应修学时应等于公需、专业、选修科目学时之和");
        await BrowserFixture.ScreenshotAsync(page, "hours-rules-01-wrong-sum");

        await page.FillAsync("#rule-annual", "90");
        await page.ClickAsync("#rule-save");
        await Assertions.Expect(page.Locator("#rules-grid")).ToContainTextAsync("2036");
        await BrowserFixture.ScreenshotAsync(page, "hours-rules-02-saved");

        // An authority reads the rules but has no 新增.
        await browser.SignInAsync(page, "gz_edu", "广州市教育局");
        await browser.GotoAsync(page, "/hours-rules");
        await Assertions.Expect(page.Locator("#rules-grid")).ToContainTextAsync("2036");
        await Assertions.Expect(page.Locator("#add-rule")).ToHaveCountAsync(0);
    }
}
