using Bunit;
using CeAdmin.App.Features.Plans;
using CeAdmin.Domain;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CeAdmin.Tests.Plans;

/// <summary>培训班新增 shows the validator's message at each field and saves nothing; a reviewer sees the class read-only; the course picker hands back the chosen course.</summary>
public sealed class ClassDialogTests : MudTestContext
{
    private readonly TestCurrentUser _user = new();
    private TestApp _app = null!;
    private IRenderedComponent<MudDialogProvider> _provider = null!;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(demo: true);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddCeAdminDomain(_app.Database);
        Services.AddSingleton<CeAdmin.Domain.Common.ICurrentUser>(_user);
        Render<MudPopoverProvider>();
        _provider = Render<MudDialogProvider>();
    }

    private IDialogService Dialogs => Services.GetRequiredService<IDialogService>();

    private async Task<(int PlanId, int? ClassId)> DemoPlanAsync(string name)
    {
        await using var db = _app.Db();
        return await db.TrainingPlans.Where(p => p.Name == name).Select(p => new ValueTuple<int, int?>(p.Id, p.Classes.Select(c => (int?)c.Id).First())).SingleAsync();
    }

    [Fact]
    public async Task An_empty_class_gets_a_message_at_each_required_field_and_nothing_is_saved()
    {
        _user.Actor = await _app.DemoActorAsync("gz_train");
        var (planId, _) = await DemoPlanAsync("2026年一流本科课程建设研修班");
        _ = _provider.InvokeAsync(() => ClassDialog.ShowAsync(Dialogs, planId, "2026年一流本科课程建设研修班", null, allowEdit: true));
        _provider.WaitForElement("#class-save").Click();

        _provider.WaitForAssertion(() =>
        {
            foreach (var message in new[] { "请输入培训班名称", "请选择计划开班时间", "请选择学习形式", "请选择学习开始时间", "请选择学习结束时间",
                         "请输入计划招生人数", "请选择班主任", "请选择考试类型", "请输入学习地点", "请输入课程具体时间安排" })
                Assert.Contains(message, _provider.Markup);
        });
        // 所属科目计划 is the plan's, not to be typed.
        Assert.True(_provider.Find("input[value='2026年一流本科课程建设研修班']").HasAttribute("readonly"));

        // An empty subject is refused before it reaches the list.
        _provider.Find("#subject-add").Click();
        _provider.WaitForAssertion(() => Assert.Contains("请输入科目名称", _provider.Markup));
        await using var db = _app.Db();
        Assert.Equal(1, await db.TrainingClasses.CountAsync(c => c.PlanId == planId));
    }

    [Fact]
    public async Task A_reviewer_sees_the_class_read_only_with_the_head_teachers_id_number_masked()
    {
        _user.Actor = await _app.DemoActorAsync("gz_edu");
        var (planId, classId) = await DemoPlanAsync("2026年高校课程思政建设专题培训");
        _ = _provider.InvokeAsync(() => ClassDialog.ShowAsync(Dialogs, planId, "2026年高校课程思政建设专题培训", classId, allowEdit: false));

        _provider.WaitForAssertion(() => Assert.Contains("课程思政元素挖掘与教学设计", _provider.Find(".subject-table").TextContent));
        Assert.Contains("黄德聪", _provider.Find(".instructor-table").TextContent);
        Assert.Contains("**********", _provider.Find(".head-teacher-info").TextContent);
        Assert.Empty(_provider.FindAll("#class-save"));
        Assert.Empty(_provider.FindAll("#choose-teachers"));
        Assert.Empty(_provider.FindAll("input"));
    }

    [Fact]
    public async Task The_course_picker_filters_by_name_and_hands_back_the_chosen_course()
    {
        _user.Actor = await _app.DemoActorAsync("gz_train");
        Task<PublishedCourseRow?>? chosen = null;
        // A statement, not an expression: InvokeAsync would otherwise wait for the dialog to close.
        await _provider.InvokeAsync(() => { chosen = CoursePickerDialog.ShowAsync(Dialogs); });
        _provider.WaitForAssertion(() => Assert.Contains("高校实验室安全管理", _provider.Markup));

        _provider.Find("#picker-name").Input("思政");  // Immediate: the value follows each keystroke
        _provider.Find("#picker-search").Click();
        // Every published year of the course is offered; take this year's.
        _provider.WaitForAssertion(() => Assert.All(_provider.FindAll(".picker-grid tbody tr"), tr => Assert.Contains("思政", tr.TextContent)));
        _provider.FindAll(".picker-grid tbody tr").First(tr => tr.TextContent.Contains("2026")).QuerySelector("a.grid-link")!.Click();

        var course = await chosen!;
        Assert.Equal(("高校课程思政建设与实践", 2026, "广东省教育厅"), (course!.Name, course.Year, course.AuthorityName));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _app.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
