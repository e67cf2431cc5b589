using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accessibility;

/// <summary>The dialogs the accessibility and screen-size tests open, each as its user would.</summary>
internal static class MainDialogs
{
    /// <summary>The dialogs of the main pages: who opens them, where, and how (a click the user would make).</summary>
    public static readonly IReadOnlyList<DialogCase> All =
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

    /// <summary>Signs <paramref name="page"/> in as the dialog's user, opens its page and the dialog, and waits until it has settled.</summary>
    public static async Task<DialogCase> OpenAsync(BrowserFixture browser, IPage page, string name)
    {
        var dialog = All.Single(d => d.Name == name);
        await dialog.Role.SignInAsync(browser, page);
        await PageAudit.OpenAsync(page, dialog.Path, isStatic: false);
        await dialog.OpenAsync(page);
        await Assertions.Expect(page.Locator(".mud-dialog").Last).ToBeVisibleAsync();
        await PageAudit.SettledAsync(page);
        return dialog;
    }
}

internal sealed record DialogCase(string Name, DemoRole Role, string Path, Func<IPage, Task> OpenAsync);
