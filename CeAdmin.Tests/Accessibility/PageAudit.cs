using System.Text;
using System.Text.RegularExpressions;
using CeAdmin.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>Opens the pages of <see cref="PageMap"/> as a role and checks them with axe-core (WCAG 2.1 A/AA).</summary>
internal static class PageAudit
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly HashSet<string> StaticTemplates = typeof(Program).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(ExcludeFromInteractiveRoutingAttribute), false).Length > 0)
        .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>())
        .Select(r => r.Template)
        .ToHashSet();

    /// <summary>Opens <paramref name="path"/> and waits until the circuit is up and nothing is loading any more.</summary>
    public static async Task OpenAsync(IPage page, string path, bool isStatic)
    {
        await page.GotoAsync(path);
        if (!isStatic && !page.Url.Contains("/account/denied") && !page.Url.Contains("/account/login") && await page.Locator("#access-refused").CountAsync() == 0)
            await BrowserFixture.WaitInteractiveAsync(page);
        await SettledAsync(page);
    }

    public static bool IsStatic(PageEntry entry) => StaticTemplates.Contains(entry.Template);

    /// <summary>No grid or panel still loading, and transitions (expansion panels, popovers) finished.</summary>
    public static async Task SettledAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-linear.mud-progress-indeterminate, .mud-table-loading').length === 0",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(400);
    }

    /// <summary>The first link on the current page to <paramref name="template"/>, preferring one whose text has <paramref name="preferredText"/>.</summary>
    public static async Task<string?> FindSampleAsync(IPage page, string template, string? preferredText)
    {
        var pattern = "^/?" + Regex.Replace(template.TrimStart('/'), @"\{[^}]+\}", @"\d+") + "$";
        var links = await page.EvalOnSelectorAllAsync<LinkInfo[]>("a[href]",
            "els => els.map(e => ({ href: new URL(e.href).pathname, text: e.textContent.trim() }))");
        var matching = links.Where(l => Regex.IsMatch(l.Href, pattern)).ToList();
        var preferred = preferredText is null ? null : matching.FirstOrDefault(l => l.Text.Contains(preferredText));
        return (preferred ?? matching.FirstOrDefault())?.Href;
    }

    public sealed class LinkInfo
    {
        public string Href { get; set; } = "";
        public string Text { get; set; } = "";
    }

    /// <summary>Problems of the current page: its landmarks and headings, and axe's serious or critical violations.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string what, AxeRunContext? context = null)
    {
        var problems = new List<string>();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        var h1s = await page.Locator("h1").CountAsync();
        if (context is null)
        {
            if (mains != 1) problems.Add($"{what}: {mains} <main> landmarks (one expected)");
            if (h1s != 1) problems.Add($"{what}: {h1s} <h1> headings (one expected)");
        }

        // MudDataGrid names every sort button "排序"; js/a11y.js names it after its column.
        var sortNames = await page.EvalOnSelectorAllAsync<string[]>("th button.sort-direction-icon",
            "els => els.map(b => b.getAttribute('aria-label') + '|' + b.closest('th').querySelector('.sortable-column-header')?.textContent.trim())");
        foreach (var pair in sortNames.Select(n => n.Split('|')).Where(p => p[0] != $"按{p[1]}排序"))
            problems.Add($"{what}: the sort button of column {pair[1]} reads \"{pair[0]}\"");
        // A field marked invalid says why: aria-describedby names an element with the message.
        var unexplained = await page.EvalOnSelectorAllAsync<string[]>("[aria-invalid=true]",
            "els => els.filter(e => !(e.getAttribute('aria-describedby') || '').split(' ').some(id => id && document.getElementById(id)?.textContent.trim())).map(e => e.id || e.outerHTML.slice(0, 80))");
        foreach (var field in unexplained)
            problems.Add($"{what}: field {field} is invalid without a message linked to it (aria-describedby)");

        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };
        var result = context is null ? await page.RunAxe(options) : await page.RunAxe(context, options);
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var text = new StringBuilder($"{what}: [{violation.Impact}] {violation.Id} — {violation.Help}");
            foreach (var node in violation.Nodes.Take(6))
                text.Append($"\n      {node.Target} {Shorten(node.Html)} {Shorten(string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message)), 220)}");
            if (violation.Nodes.Length > 6) text.Append($"\n      … {violation.Nodes.Length - 6} more");
            problems.Add(text.ToString());
        }
        return problems;
    }

    private static string Shorten(string s, int max = 160)
    {
        s = Regex.Replace(s, @"\s+", " ");
        return s.Length <= max ? s : s[..max] + "…";
    }
}
