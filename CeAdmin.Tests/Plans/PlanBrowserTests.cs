using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Plans;

/// <summary>
/// 1.4 in a real browser: an institution files a plan (course picker, class, 选入教师, subjects, attachment, 送审),
/// the city authority approves it in 1.4.1, then finds it in 1.7.2 and its class in 1.7.3.
/// </summary>
public sealed class PlanBrowserTests(BrowserFixture browser) : BrowserTest
{
    private const string PlanName = "2026年高校青年教师课程思政能力提升培训";
    private const string ClassName = "2026年高校青年教师课程思政能力提升培训第一期";
    private const string ClassSaved = $"培训班“{ClassName}”已保存";

    [Fact]
    public async Task Institution_files_a_plan_and_the_city_authority_approves_it()
    {
        var page = await NewTallPageAsync();
        await browser.SignInAsync(page, "gz_train", "广州市专业技术人员继续教育培训中心");
        await FileAsync(page);

        var reviewer = await NewTallPageAsync();
        await browser.SignInAsync(reviewer, "gz_edu", "广州市教育局");
        await ReviewAsync(reviewer);
        await QueriesAsync(reviewer);
    }

    [Fact]
    public async Task An_authority_files_its_own_plans_and_the_hrss_department_reviews_them()
    {
        // 1.4.2 专业课计划备案: 广州市教育局's own plans, one approved and one returned by the HRSS department.
        var authority = await NewTallPageAsync();
        await browser.SignInAsync(authority, "gz_edu", "广州市教育局");
        await Ui.MenuAsync(authority, "专业课计划备案");
        await Assertions.Expect(PlanRow(authority, "2026年广州市高校教师人工智能应用能力培训")).ToContainTextAsync("专业课计划审核,人社业务主管部门");
        await ShotAsync(authority, "1.4.2-10-authority-list");
        await PlanRow(authority, "2026年广州市高校教师人工智能应用能力培训").GetByText("[修改]").ClickAsync();
        await Assertions.Expect(authority.Locator("#case-status")).ToContainTextAsync("请在附件材料中补充培训经费预算和师资安排表后重新送审");
        await ShotAsync(authority, "1.4.2-11-returned");

        // 1.4.1 for the HRSS department: 广东省教育厅's plan waits; it is approved with an opinion.
        var hrss = await NewTallPageAsync();
        await browser.SignInAsync(hrss, "hrss_reviewer", "广东省人力资源和社会保障厅");
        await Ui.MenuAsync(hrss, "专业课计划审核");
        var row = PlanRow(hrss, "2026年全省高校课程思政示范培训");
        await Assertions.Expect(row).ToContainTextAsync("待审核");
        await ShotAsync(hrss, "1.4.1-05-hrss-list");
        await row.GetByText("[审核]").ClickAsync();
        await hrss.Locator(".review-panel").GetByText("同意", new() { Exact = true }).ClickAsync();
        await hrss.Locator(".review-opinion textarea").FillAsync("同意备案");
        await ShotAsync(hrss, "1.4.1-06-hrss-review");
        await hrss.ClickAsync(".review-submit");
        await hrss.WaitForURLAsync(u => u.EndsWith("/plan-reviews"));
        await Assertions.Expect(PlanRow(hrss, "2026年全省高校课程思政示范培训")).ToContainTextAsync("同意");
    }

    /// <summary>A window tall enough for the class window to show whole in the screenshots.</summary>
    private async Task<IPage> NewTallPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 1200);
        return page;
    }

    private static async Task FileAsync(IPage page)
    {
        // 第一步: the module, with the demo plans in every state.
        await Ui.MenuAsync(page, "专业课计划申报");
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync("专业课计划申报");
        await Assertions.Expect(PlanRow(page, "2026年高校实验室安全管理培训")).ToContainTextAsync("不同意并结案");
        await ShotAsync(page, "1.4.2-01-list");

        // 第二步 to 第四步: 新申请; an empty 保存 names what is missing; the course from the picker; 保存.
        await page.ClickAsync("#new-plan");
        await page.ClickAsync("#plan-save");
        await Assertions.Expect(page.Locator(".plan-form")).ToContainTextAsync("请选择专业课程名称");
        await Assertions.Expect(page.Locator(".plan-form")).ToContainTextAsync("请输入培训计划名称");
        await ShotAsync(page, "1.4.2-02-required");

        await page.ClickAsync("#plan-course");
        var picker = page.Locator(".mud-dialog:has(.course-picker)");
        await page.FillAsync("#picker-name", "思政");
        await page.ClickAsync("#picker-search");
        // The course is in this year's catalog and in earlier years' ones: choose this year's.
        var thisYear = picker.Locator("tbody tr", new() { HasTextString = "2026" });
        await Assertions.Expect(thisYear).ToHaveCountAsync(1);
        await DialogShotAsync(page, "1.4.2-03-course-picker");
        await thisYear.GetByText("[选择]").ClickAsync();
        await Assertions.Expect(page.Locator("#plan-course")).ToHaveValueAsync("高校课程思政建设与实践");
        await Assertions.Expect(page.Locator("#plan-year")).ToHaveValueAsync("2026");
        await Assertions.Expect(page.Locator(".plan-form")).ToContainTextAsync("注:一天8学时 一个学时为45分钟");

        await page.FillAsync("#plan-name", PlanName);
        await page.FillAsync("#plan-days", "2");
        await page.FillAsync("#plan-hours", "17");
        await page.FillAsync("#plan-sessions", "1");
        await FillDateAsync(page, page.Locator(".plan-form"), "计划开始时间", "2026-10-01");
        await FillDateAsync(page, page.Locator(".plan-form"), "计划完成时间", "2026-12-31");
        await page.FillAsync("#plan-content", "课程思政元素挖掘与教学设计；课程思政示范课观摩；分组说课与点评。");
        await page.FillAsync("#plan-audience", "入职五年内的高等学校青年专任教师");
        await page.PressAsync("#plan-audience", "Tab");
        await page.ClickAsync("#plan-save");
        // 17 学时 is more than 2 days × 8: the year's rule speaks at the field.
        await Assertions.Expect(page.Locator(".plan-form")).ToContainTextAsync("继续教育学时不能超过16学时");
        await page.FillAsync("#plan-hours", "16");
        await page.PressAsync("#plan-hours", "Tab");
        await ShotAsync(page, "1.4.2-04-basics");
        await page.ClickAsync("#plan-save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/plans/\d+$"));
        await Assertions.Expect(page.Locator("#case-status")).ToContainTextAsync("未送审");

        // 第五步 to 第十步: 新增 a class, 保存, 选入教师, 科目, 关闭.
        await page.ClickAsync("#class-add");
        var dialog = page.Locator(".mud-dialog", new() { HasText = "培训班新增" });
        await page.FillAsync("#class-name", ClassName);
        await FillDateAsync(page, dialog, "计划开班时间", "2026-10-20");
        await ChooseAsync(page, "#class-mode", "混合式培训");
        await FillDateAsync(page, dialog, "学习开始时间", "2026-10-20");
        await FillDateAsync(page, dialog, "学习结束时间", "2026-10-21");
        await page.FillAsync("#class-enrolment", "60");
        await ChooseAsync(page, "#class-head", "李晓梅");
        await Assertions.Expect(dialog.Locator(".head-teacher-info")).ToContainTextAsync("lixm@gzhu.edu.cn");
        await ChooseAsync(page, "#class-exam", "笔试");
        await page.FillAsync("#class-location", "广州市越秀区解放北路618号培训中心三楼报告厅");
        await page.FillAsync("#class-schedule", "10月20日上午 课程思政元素挖掘；下午 示范课观摩；10月21日上午 分组说课，下午 点评与结业考核");
        await dialog.Locator("#class-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = ClassSaved })).ToBeVisibleAsync();

        await page.ClickAsync("#choose-teachers");
        var teachers = page.Locator(".mud-dialog:has(.teacher-picker)");
        await Assertions.Expect(teachers).Not.ToContainTextAsync("钟振华");  // disabled in the registry
        await teachers.Locator("tbody tr", new() { HasText = "黄德聪" }).Locator("input[type=checkbox]").CheckAsync();
        await teachers.Locator("tbody tr", new() { HasText = "李晓梅" }).Locator("input[type=checkbox]").CheckAsync();
        await DialogShotAsync(page, "1.4.2-05-choose-teachers");
        await page.ClickAsync("#teacher-confirm");
        await Assertions.Expect(dialog.Locator(".instructor-table tbody tr")).ToHaveCountAsync(2);
        foreach (var subject in new[] { "课程思政元素挖掘与教学设计", "课程思政示范课观摩", "分组说课与点评" })
        {
            await page.FillAsync("#subject-name", subject);
            await page.ClickAsync("#subject-add");
        }
        await Assertions.Expect(dialog.Locator(".subject-table tbody tr")).ToHaveCountAsync(3);
        await dialog.Locator("#class-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = ClassSaved })).ToBeVisibleAsync();
        await page.Locator(".class-dialog").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await DialogShotAsync(page, "1.4.2-06-class");
        await dialog.Locator("#class-close").ClickAsync();
        await Assertions.Expect(page.Locator(".class-grid tbody tr", new() { HasText = ClassName })).ToContainTextAsync("李晓梅");

        // 第十一步: 附件材料.
        await page.Locator(".attachments-panel input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "培训方案.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await Assertions.Expect(page.Locator(".attachments-panel tbody tr", new() { HasText = "培训方案.pdf" })).ToBeVisibleAsync();
        await ShotAsync(page, "1.4.2-07-ready");

        // 第十二步: 送审, after the warning; then everything is read-only.
        await page.ClickAsync("#plan-submit");
        var confirm = page.Locator(".mud-dialog", new() { HasText = "不能再修改" });
        await DialogShotAsync(page, "1.4.2-08-confirm-submit");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-status")).ToContainTextAsync("待审核");
        await Assertions.Expect(page.Locator("#plan-submit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#class-add")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".plan-info")).ToContainTextAsync(PlanName);
        await ShotAsync(page, "1.4.2-09-submitted");
    }

    private static async Task ReviewAsync(IPage page)
    {
        await Ui.MenuAsync(page, "专业课计划审核");
        await Assertions.Expect(PlanRow(page, PlanName)).ToContainTextAsync("待审核");
        await ShotAsync(page, "1.4.1-01-list");

        await page.FillAsync("#filter-plan", "青年教师");
        await page.ClickAsync("#search");
        await Assertions.Expect(page.Locator(".plan-grid tbody tr")).ToHaveCountAsync(1);
        await PlanRow(page, PlanName).GetByText("[审核]").ClickAsync();
        await Assertions.Expect(page.Locator(".plan-info")).ToContainTextAsync("广州市专业技术人员继续教育培训中心");
        await Assertions.Expect(page.Locator(".attachments-panel")).ToContainTextAsync("培训方案.pdf");
        await ShotAsync(page, "1.4.1-02-detail");

        await page.Locator(".class-grid tbody tr", new() { HasText = ClassName }).GetByText("[查看]").ClickAsync();
        var dialog = page.Locator(".mud-dialog", new() { HasText = "培训班信息" });
        await Assertions.Expect(dialog.Locator(".instructor-table")).ToContainTextAsync("黄德聪");
        await Assertions.Expect(dialog.Locator(".subject-table")).ToContainTextAsync("分组说课与点评");
        await Assertions.Expect(dialog.Locator("#class-save")).ToHaveCountAsync(0);
        await DialogShotAsync(page, "1.4.1-03-class");
        await dialog.Locator("#class-close").ClickAsync();

        await page.Locator(".review-panel").GetByText("同意", new() { Exact = true }).ClickAsync();
        await page.ClickAsync(".review-submit");
        await page.WaitForURLAsync(u => u.EndsWith("/plan-reviews"));
        await Assertions.Expect(PlanRow(page, PlanName)).ToContainTextAsync("同意");
        await ShotAsync(page, "1.4.1-04-approved");
    }

    private static async Task QueriesAsync(IPage page)
    {
        await Ui.MenuAsync(page, "专业课计划查询");
        await Assertions.Expect(PlanRow(page, PlanName)).ToContainTextAsync("同意");
        await ShotAsync(page, "1.7.2-01-list");
        await PlanRow(page, PlanName).GetByText("[查看]").ClickAsync();
        await Assertions.Expect(page.Locator(".approval-history tbody tr")).ToHaveCountAsync(2);
        await ShotAsync(page, "1.7.2-02-detail");

        await Ui.MenuAsync(page, "施教机构培训班查询");
        await Assertions.Expect(page.Locator(".class-query-grid tbody tr", new() { HasText = ClassName })).ToContainTextAsync("60");
        await ShotAsync(page, "1.7.3-01-list");
        await page.Locator(".class-query-grid tbody tr", new() { HasText = ClassName }).GetByText("[查看]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog .head-teacher-info")).ToContainTextAsync("**********");
        await DialogShotAsync(page, "1.7.3-02-class");
    }

    /// <summary>The page as the user left it, without the stack of confirmations a fast test leaves behind.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await DismissSnackbarsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    private static async Task DialogShotAsync(IPage page, string name)
    {
        await DismissSnackbarsAsync(page);
        // Let the dialog's opening and its fields' label transitions finish.
        await page.WaitForTimeoutAsync(400);
        await BrowserFixture.ScreenshotAsync(page, name, fullPage: false);
    }

    private static async Task DismissSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar .mud-snackbar-content-action button, .mud-snackbar button").AllAsync())
            if (await close.IsVisibleAsync()) await close.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    private static ILocator PlanRow(IPage page, string name) => page.Locator(".plan-grid tbody tr", new() { HasText = name });

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>Types a date into an editable MudDatePicker and leaves the field, as a user does.</summary>
    private static async Task FillDateAsync(IPage page, ILocator scope, string label, string date)
    {
        var input = scope.Locator(".mud-input-control", new() { HasText = label }).Locator("input");
        await input.FillAsync(date);
        await input.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
    }
}
