using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>
/// Every page of every role on the most common office screen (1366 × 768, menu open): each grid's 操作 column and
/// its links inside the window, no sideways scrolling of the page, no name in a list grid wrapped onto many lines, cut-off cells with a tooltip, menu
/// group titles on one line, 批量审核 on the row of 查询, and an 18-digit 公民身份号码 whole in its filter box.
/// </summary>
public sealed class OfficeScreenBrowserTests(BrowserFixture browser) : BrowserTest
{
    private static readonly ConcurrentDictionary<string, bool> Captured = new();

    public static TheoryData<string> RoleKeys() => new(PageMap.Roles.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(RoleKeys))]
    public async Task Every_page_of_the_role_fits_1366_pixels(string roleKey)
    {
        var role = PageMap.Roles.Single(r => r.Key == roleKey);
        var page = await browser.NewPageAsync();
        await BrowserFixture.ResizeAsync(page, BrowserFixture.OfficeScreen);
        await role.SignInAsync(browser, page);

        var problems = await PageWalk.EveryPageAsync(page, role, async (entry, path) =>
        {
            // One screenshot of each page as each kind of account (the menu and the rows differ).
            var name = $"screen-1366-{role.Login ?? "visitor"}" + (entry.Template == "/" ? "-home" : Regex.Replace(entry.Template, @"[/{}:]+", "-").TrimEnd('-'));
            if (Captured.TryAdd(name, true)) await BrowserFixture.ScreenshotAsync(page, name);
            var found = (await page.EvaluateAsync<string[]>(LayoutProblemsScript)).ToList();
            if (await IdNumberClippedAsync(page) is { } clipped) found.Add(clipped);
            return found.Select(p => $"{path}: {p}");
        });

        Assert.True(problems.Count == 0, $"{role} at 1366 × 768:\n  " + string.Join("\n  ", problems));
    }

    public static TheoryData<string> DialogNames() => new(MainDialogs.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DialogNames))]
    public async Task The_dialogs_of_the_main_pages_fit_1366_pixels(string name)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.ResizeAsync(page, BrowserFixture.OfficeScreen);
        var dialog = await MainDialogs.OpenAsync(browser, page, name);
        await BrowserFixture.ScreenshotAsync(page, $"screen-1366-dialog-{name}", fullPage: false);
        var problems = await page.EvaluateAsync<string[]>(LayoutProblemsScript);
        Assert.True(problems.Length == 0, $"{name} ({dialog.Path} as {dialog.Role}) at 1366 × 768:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>An 18-digit number typed into the 公民身份号码 filter (its clear button then shows) is it seen whole? Null when it is, or the page has no such box.</summary>
    private static async Task<string?> IdNumberClippedAsync(IPage page)
    {
        var box = page.Locator("#filter-id");
        if (await box.CountAsync() == 0) return null;
        // The field takes its value on change; only then does its clear button show.
        await box.FillAsync("44010619900101123X");
        await box.DispatchEventAsync("change");
        var control = page.Locator(".mud-input-control", new() { Has = box });
        await Assertions.Expect(control.Locator(".mud-input-clear-button")).ToBeVisibleAsync();
        var (shown, needed) = await box.EvaluateAsync<int[]>("el => [el.clientWidth, el.scrollWidth]") switch { var w => (w[0], w[1]) };
        await box.FillAsync("");
        await box.DispatchEventAsync("change");
        return needed > shown ? $"the 公民身份号码 filter box shows {shown} of the {needed} px an 18-digit number needs" : null;
    }

    /// <summary>The screen's layout problems, measured in the page (see the class summary).</summary>
    private const string LayoutProblemsScript = """
        () => {
          const problems = [];
          const width = window.innerWidth;
          const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          const lines = el => {
            const style = getComputedStyle(el);
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
            const height = el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return Math.round(height / line);
          };
          const text = el => el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
          const contents = el => { const range = document.createRange(); range.selectNodeContents(el); return range.getBoundingClientRect(); };
          const contentLines = el => {
            const style = getComputedStyle(el);
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
            return Math.round(contents(el).height / line);
          };

          if (document.documentElement.scrollWidth > width + 1)
            problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);

          for (const table of document.querySelectorAll('table')) {
            if (!shown(table) || !table.tHead || table.tHead.rows.length === 0) continue;
            const heads = [...table.tHead.rows[0].cells];
            const grid = heads.slice(0, 4).map(text).filter(t => t).join('/');
            const action = heads.findIndex(c => text(c) === '操作');
            if (action >= 0) {
              const right = heads[action].getBoundingClientRect().right;
              if (right > width + 1) problems.push(`grid ${grid}: 操作 ends at x=${Math.round(right)}, outside the window`);
              for (const row of [...table.tBodies].flatMap(b => [...b.rows]).slice(0, 3)) {
                const cell = row.cells.length === heads.length ? row.cells[action] : null;
                for (const control of cell ? cell.querySelectorAll('a, button') : []) {
                  const r = control.getBoundingClientRect();
                  if (r.right > width + 1 || r.left < 0) problems.push(`grid ${grid}: ${text(control)} at x=${Math.round(r.left)}..${Math.round(r.right)}, outside the window`);
                }
              }
            }
            // Names in a list page's grid: two lines at most (texts such as opinions or rules in detail panels may wrap,
            // and so may a cell marked prose: a message's text is read whole, like an opinion).
            const list = table.closest('.list-grid') !== null;
            for (const cell of [...table.tBodies].flatMap(b => [...b.rows]).flatMap(r => [...r.cells])) {
              if (cell.querySelector('input, textarea, .mud-input-control') || cell.colSpan > 1 || cell.classList.contains('prose')) continue;
              const n = contentLines(cell);
              if (list && n > 2) problems.push(`grid ${grid}: "${text(cell)}" wraps onto ${n} lines`);
              if (cell.scrollWidth > cell.clientWidth) {
                cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                if (cell.title !== cell.textContent.trim()) problems.push(`grid ${grid}: "${text(cell)}" is cut off without a tooltip`);
              }
            }
          }

          for (const title of document.querySelectorAll('.mud-drawer .mud-nav-group > button .mud-nav-link-text')) {
            if (!shown(title)) continue;
            if (lines(title) > 1) problems.push(`menu group ${text(title)} wraps onto ${lines(title)} lines`);
            if (title.scrollWidth > title.clientWidth) problems.push(`menu group ${text(title)} is cut off`);
          }
          const drawer = document.querySelector('.mud-drawer');
          for (const item of drawer ? drawer.querySelectorAll('.mud-nav-link-text') : []) {
            if (shown(item) && contents(item).right > drawer.getBoundingClientRect().right - 8) problems.push(`menu item ${text(item)} touches the menu's edge`);
          }

          for (const bar of document.querySelectorAll('.filter-bar')) {
            const search = bar.querySelector('#search'), batch = bar.querySelector('#batch-review');
            if (!search || !batch) continue;
            const middle = el => { const r = el.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
            if (Math.abs(middle(search) - middle(batch)) > 4) problems.push('批量审核 is not on the row of 查询 and 清空');
          }

          return problems;
        }
        """;
}
