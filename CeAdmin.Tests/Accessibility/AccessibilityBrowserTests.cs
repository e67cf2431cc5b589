using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>
/// WCAG 2.1 AA (GB/T 37668-2019) on every page of every role: each page of <see cref="PageMap"/> the role opens,
/// one page it may not open (the refusal), one <main> and one <h1>, and no serious or critical axe-core violation.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : BrowserTest
{
    public static TheoryData<string> RoleKeys() => new(PageMap.Roles.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(RoleKeys))]
    public async Task Every_page_of_the_role_passes_axe(string roleKey)
    {
        var role = PageMap.Roles.Single(r => r.Key == roleKey);
        var page = await browser.NewPageAsync();
        await role.SignInAsync(browser, page);

        var problems = await PageWalk.EveryPageAsync(page, role, async (_, path) => await PageAudit.ProblemsAsync(page, path));

        if (role != PageMap.Visitor)
        {
            var refused = PageMap.RefusedTo(role);
            await PageAudit.OpenAsync(page, refused.Template, isStatic: true);
            Assert.True(await PageWalk.RefusedAsync(page, refused.Template), $"{refused.Template} as {role} should be refused: {page.Url}");
            problems.AddRange(await PageAudit.ProblemsAsync(page, $"{refused.Template} (refused)"));
        }

        Assert.True(problems.Count == 0, $"{role}:\n  " + string.Join("\n  ", problems));
    }

    public static TheoryData<string> DialogNames() => new(MainDialogs.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DialogNames))]
    public async Task Dialogs_of_the_main_pages_pass_axe(string name)
    {
        var page = await browser.NewPageAsync();
        var dialog = await MainDialogs.OpenAsync(browser, page, name);

        var problems = await PageAudit.ProblemsAsync(page, $"{name} ({dialog.Path} as {dialog.Role})");
        Assert.True(problems.Count == 0, string.Join("\n  ", problems));
    }
}
