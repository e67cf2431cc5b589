using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>A keyboard alone (Tab, Enter, Space; no mouse) gets through a review and the statistics' drill-down.</summary>
public sealed class KeyboardBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task A_review_is_completed_with_the_keyboard_only()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");

        // The skip link is the first stop and takes the focus past the app bar and the menu to the page's heading.
        // Start where a keyboard user coming from the address bar starts: the top of the document (the page has put
        // the focus on its heading, and <body> takes the focus only when made focusable).
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); }");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToBeFocusedAsync();
        Assert.EndsWith("/", page.Url);

        // Through the menu: after the choice the focus is on the new page's heading, not back in the menu.
        await page.Locator("body").FocusAsync();
        await TabToAsync(page, "a.mud-nav-link", "下级行业主管部门（行业组织）信息审核");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.EndsWith("/authority-reviews"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("下级行业主管部门（行业组织）信息审核");
        await Assertions.Expect(page.Locator("main h1")).ToBeFocusedAsync();

        // From the heading, Tab reaches the grid's [审核] of the pending case.
        await Assertions.Expect(page.Locator(".list-grid tbody tr", new() { HasTextString = "广州市海珠区教育局" })).ToBeVisibleAsync();
        var tabs = await TabToAsync(page, "a.grid-link", "[审核]", rowText: "广州市海珠区教育局");
        Assert.True(tabs <= 25, $"{tabs} Tabs from the heading to the first row's [审核]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("/authority-reviews/"));
        await Assertions.Expect(page.Locator("main h1")).ToBeFocusedAsync();

        // 审核 without a decision: the message says so.
        await TabToAsync(page, "button.review-submit", "审核");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".review-panel")).ToContainTextAsync("请选择审核结果");

        // Back to 同意 (Shift+Tab), chosen with Space, then 审核 with Enter.
        await TabToAsync(page, "input[type=radio]", null, backwards: true);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(".review-panel input[type=radio]").First).ToBeCheckedAsync();
        await TabToAsync(page, "button.review-submit", "审核");
        await BrowserFixture.ScreenshotAsync(page, "a11y-01-keyboard-review", fullPage: false);
        await page.Keyboard.PressAsync("Enter");

        // Back on the grid, the focus is on the result.
        await page.WaitForURLAsync(u => u.EndsWith("/authority-reviews"));
        await Ui.ExpectReviewOutcomeAsync(page, "审核完成：同意（广州市海珠区教育局）");
        await Assertions.Expect(page.Locator(".list-grid tbody tr", new() { HasTextString = "广州市海珠区教育局" })).ToContainTextAsync("同意");
        await BrowserFixture.ScreenshotAsync(page, "a11y-02-keyboard-reviewed", fullPage: false);
    }

    [Fact]
    public async Task The_statistics_drill_down_and_back_up_with_the_keyboard()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await browser.GotoAsync(page, "/statistics");
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("广州市");

        await TabToAsync(page, "button.drill-down", "天河区");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#stat-breadcrumb .stat-current")).ToHaveTextAsync("天河区");
        await Assertions.Expect(page.Locator("#stat-breadcrumb .stat-current")).ToBeFocusedAsync();

        // Back up through the scope line: Shift+Tab from the current scope reaches 广州市.
        await TabToAsync(page, "button.drill-up", "广州市", backwards: true);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#stat-breadcrumb .stat-current")).ToHaveTextAsync("广州市");
        await Assertions.Expect(page.Locator(".stat-row button.drill-down", new() { HasTextString = "天河区" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the focused element matches <paramref name="selector"/> and contains
    /// <paramref name="text"/> (inside a table row containing <paramref name="rowText"/>); returns how many presses it took.
    /// </summary>
    private static async Task<int> TabToAsync(IPage page, string selector, string? text, string? rowText = null, bool backwards = false)
    {
        const int max = 80;
        for (var i = 1; i <= max; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var hit = await page.EvaluateAsync<bool>(
                @"([selector, text, rowText]) => {
                    const el = document.activeElement;
                    if (!el || !el.matches(selector)) return false;
                    if (text && !el.textContent.includes(text)) return false;
                    return !rowText || (el.closest('tr')?.textContent.includes(rowText) ?? false);
                }", new object?[] { selector, text, rowText });
            if (hit) return i;
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? ''");
        throw new Xunit.Sdk.XunitException($"{max} {(backwards ? "Shift+Tab" : "Tab")} did not reach {selector} \"{text}\"; focus is on {focused}");
    }
}
