using CeAdmin.Demo;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Teachers;

/// <summary>1.6.1 师资信息维护 in a real browser: list, 新增, 修改, 禁用, 删除, as the city authority.</summary>
public sealed class TeacherBrowserTests(BrowserFixture browser) : BrowserTest
{
    private static readonly string IdNumber = DemoIds.IdNumber("440106", new DateOnly(1981, 3, 15), 517);

    [Fact]
    public async Task City_authority_adds_edits_disables_and_deletes_a_teacher()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");

        // 第一步: the module, reached from the menu.
        await Ui.MenuAsync(page, "师资信息维护");
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync("师资信息维护");
        await Assertions.Expect(Row(page, "刘建华")).ToContainTextAsync("正高级教师");
        await Assertions.Expect(Row(page, "梁淑仪")).ToContainTextAsync("禁用");
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-01-list");

        // 第二步 to 第四步: 新增, an empty 保存 shows what is missing, then the teacher's details.
        await page.ClickAsync("#teacher-add");
        var dialog = page.Locator(".mud-dialog", new() { HasText = "添加或修改教师" });
        await dialog.Locator("#teacher-save").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请输入公民身份号码");
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-02-required");

        await page.FillAsync("#teacher-courses", "《新时代高校教师职业道德修养》《高校青年教师教学能力提升》");
        await page.FillAsync("#teacher-profile", "广州大学马克思主义学院副教授，广东省高校思想政治理论课教学名师，长期承担教师职业道德与教学能力培训。");
        await page.FillAsync("#teacher-name", "赵明轩");
        await page.FillAsync("#teacher-id-number", IdNumber);
        await page.FillAsync("#teacher-phone", "13719283746");
        await page.FillAsync("#teacher-email", "zhaomx@gzhu.edu.cn");
        // A valid ID number has filled in 性别; 专业技术资格 is picked from the list.
        await Assertions.Expect(page.Locator("#teacher-gender")).ToHaveValueAsync("男性");
        await page.FillAsync("#teacher-title", "副教");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "副教授" }).First.ClickAsync();
        await Assertions.Expect(dialog.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-03-add-dialog");
        await dialog.Locator("#teacher-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存教师“赵明轩”的信息");
        await Assertions.Expect(Row(page, "赵明轩")).ToContainTextAsync("启用");
        await Assertions.Expect(Row(page, "赵明轩")).ToContainTextAsync(IdNumber[..4] + "**********" + IdNumber[14..]);
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-04-added");

        // 第五步: 修改 shows the full ID number of one's own teacher.
        await Row(page, "赵明轩").GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        await Assertions.Expect(page.Locator("#teacher-id-number")).ToHaveValueAsync(IdNumber);
        await page.FillAsync("#teacher-phone", "020-83456789");
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-05-edit-dialog");
        await dialog.Locator("#teacher-save").ClickAsync();
        await Assertions.Expect(Row(page, "赵明轩")).ToContainTextAsync("020-83456789");

        // 第七步: 禁用, after a confirmation that says what it means.
        await Row(page, "赵明轩").GetByRole(AriaRole.Button, new() { Name = "禁用" }).ClickAsync();
        var confirm = page.Locator(".mud-dialog", new() { HasText = "禁用教师" });
        await Assertions.Expect(confirm).ToContainTextAsync("不能再被选作培训班教师或班主任");
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-06-confirm-disable");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "禁用" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已禁用教师“赵明轩”" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "赵明轩")).ToContainTextAsync("禁用");
        await Assertions.Expect(Row(page, "赵明轩").GetByRole(AriaRole.Button, new() { Name = "启用" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-07-disabled");

        // The filter bar: 姓名 narrows the list.
        await page.FillAsync("#filter-name", "明轩");
        await page.ClickAsync("#teacher-search");
        await Assertions.Expect(page.Locator(".teacher-grid tbody tr")).ToHaveCountAsync(1);

        // 第八步: 删除.
        await Row(page, "赵明轩").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        confirm = page.Locator(".mud-dialog", new() { HasText = "删除教师" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "教师信息已删除" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "赵明轩")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "1.6.1-08-deleted");
    }

    private static ILocator Row(IPage page, string name) => page.Locator(".teacher-grid tbody tr", new() { HasText = name });
}
