using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>
/// Walks every page of <see cref="PageMap"/> a role may open, as that role: parameterless pages first, then each
/// parameterised one with a sample id taken from a link on its list page.
/// </summary>
internal static class PageWalk
{
    /// <summary>Calls <paramref name="check"/> on each page once it has settled; returns what it found, and pages that could not be opened.</summary>
    public static async Task<List<string>> EveryPageAsync(IPage page, DemoRole role, Func<PageEntry, string, Task<IEnumerable<string>>> check)
    {
        var problems = new List<string>();
        var samples = new Dictionary<string, string>();
        foreach (var entry in PageMap.PagesOf(role))
        {
            var path = entry.Template;
            if (entry.Sample is { } sample)
            {
                path = await SampleAsync(page, entry, sample, samples);
                if (path is null)
                {
                    problems.Add($"{entry.Template}: no link to it on {sample.ListPath} as {role}");
                    continue;
                }
            }
            await PageAudit.OpenAsync(page, path, PageAudit.IsStatic(entry));
            if (await RefusedAsync(page, path))
            {
                problems.Add($"{path}: refused to {role}, whom the page map lets open it ({page.Url})");
                continue;
            }
            problems.AddRange(await check(entry, path));
            if (entry.Sample is null) await RememberSamplesAsync(page, samples);
        }
        return problems;
    }

    /// <summary>The one refusal page shown in place of the page (or, for a download, at /account/denied), or sent to 登录 from a page other than 登录 itself.</summary>
    public static async Task<bool> RefusedAsync(IPage page, string path)
    {
        var now = new Uri(page.Url).AbsolutePath;
        if (path == now && now is "/account/denied" or "/account/login") return false;
        return now is "/account/denied" or "/account/login" || await page.Locator("#access-refused").CountAsync() > 0;
    }

    /// <summary>Links to parameterised routes seen on a list page, so that its detail page needs no second visit.</summary>
    private static async Task RememberSamplesAsync(IPage page, Dictionary<string, string> samples)
    {
        var listPath = new Uri(page.Url).AbsolutePath;
        foreach (var entry in PageMap.Pages.Values.Where(p => p.Sample?.ListPath == listPath))
            if (await PageAudit.FindSampleAsync(page, entry.Template, entry.Sample!.PreferredText) is { } href)
                samples[entry.Template] = href;
    }

    private static async Task<string?> SampleAsync(IPage page, PageEntry entry, SampleSource sample, Dictionary<string, string> samples)
    {
        if (samples.TryGetValue(entry.Template, out var seen)) return seen;
        await PageAudit.OpenAsync(page, sample.ListPath, isStatic: false);
        return await PageAudit.FindSampleAsync(page, entry.Template, sample.PreferredText);
    }
}
