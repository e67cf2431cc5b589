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
            Assert.True(PageWalk.Refused(page, refused.Template), $"{refused.Template} as {role} should be refused: {page.Url}");
            problems.AddRange(await PageAudit.ProblemsAsync(page, $"{refused.Template} (refused)"));
        }

        Assert.True(problems.Count == 0, $"{role}:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>The dialogs of the main pages: who opens them, where, and how (a click the user would make).</summary>
    private static readonly IReadOnlyList<DialogCase> Dialogs =
    [
        new("添加或修改教师", PageMap.Institution, "/teachers", p => p.ClickAsync("#teacher-add")),
        new("新增单位经办人员", PageMap.UnitAccount, "/unit/operators", p => p.ClickAsync("#add-operator")),
        new("申请培训专业", PageMap.NewInstitution, "/institution", p => p.ClickAsync("#apply-qualification")),
        new("新增年度学时规定", PageMap.Hrss, "/hours-rules", p => p.ClickAsync("#add-rule")),
        new("专业添加", PageMap.Province, "/catalogs", async p =>
        {
            await p.Locator("a", new() { HasTextString = "[修改]" }).First.ClickAsync();
            await p.ClickAsync("#add-course");
        }),
        new("批量审核", PageMap.City, "/authority-reviews", async p =>
        {
            await p.Locator(".list-grid tbody tr", new() { HasTextString = "待审核" }).First.Locator("input[type=checkbox]").CheckAsync();
            await p.ClickAsync("#batch-review");
        }),
        new("录入结业名单", PageMap.Institution, "/roster", p => p.Locator(".enter-roster").First.ClickAsync()),
        new("选择专业课程", PageMap.Institution, "/plans/new", p => p.Locator(".picker-field").First.ClickAsync()),
        new("培训班新增", PageMap.Institution, "/plans", async p =>
        {
            await p.Locator("a.grid-link", new() { HasTextString = "[修改]" }).First.ClickAsync();
            await p.ClickAsync("#class-add");
        }),
        new("选入教师", PageMap.Institution, "/plans", async p =>
        {
            await p.Locator("a.grid-link", new() { HasTextString = "[修改]" }).First.ClickAsync();
            await p.ClickAsync("#class-add");
            await p.ClickAsync("#choose-teachers");
        }),
        new("培训班信息", PageMap.City, "/class-query", p => p.Locator(".list-grid a", new() { HasTextString = "[查看]" }).First.ClickAsync()),
    ];

    public static TheoryData<string> DialogNames() => new(Dialogs.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DialogNames))]
    public async Task Dialogs_of_the_main_pages_pass_axe(string name)
    {
        var dialog = Dialogs.Single(d => d.Name == name);
        var page = await browser.NewPageAsync();
        await dialog.Role.SignInAsync(browser, page);
        await PageAudit.OpenAsync(page, dialog.Path, isStatic: false);
        await dialog.OpenAsync(page);
        await Assertions.Expect(page.Locator(".mud-dialog").Last).ToBeVisibleAsync();
        await PageAudit.SettledAsync(page);

        var problems = await PageAudit.ProblemsAsync(page, $"{name} ({dialog.Path} as {dialog.Role})");
        Assert.True(problems.Count == 0, string.Join("\n  ", problems));
    }

    private sealed record DialogCase(string Name, DemoRole Role, string Path, Func<IPage, Task> OpenAsync);
}
