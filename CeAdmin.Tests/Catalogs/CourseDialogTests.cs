using Bunit;
using CeAdmin.App.Features.Catalogs;
using CeAdmin.Domain;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CeAdmin.Tests.Catalogs;

/// <summary>专业添加: field messages, 保存并新增 keeps the dialog open for the next course.</summary>
public sealed class CourseDialogTests : MudTestContext
{
    private TestApp _app = null!;
    private int _catalogId;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(demo: true);
        var province = await _app.DemoActorAsync("gd_edu");
        await using (var db = _app.Db())
        {
            var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
            _catalogId = await _app.As<CatalogService>(province).SaveAsync(null, new CatalogForm { SeriesId = series, DeclaredOn = DateTime.Today, OperatorName = "李文华", Year = 2027 });
        }
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddCeAdminDomain(_app.Database);
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(province));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<CourseDialog>("专业添加", new DialogParameters<CourseDialog> { { x => x.CatalogId, _catalogId } }));
        return provider;
    }

    [Fact]
    public async Task Empty_and_too_long_fields_get_their_messages()
    {
        var cut = await OpenAsync();
        cut.Find("#course-save").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("请输入专业课名称", cut.Markup);
            Assert.Contains("请输入学习内容", cut.Markup);
        });

        cut.Find("#course-name").Change(new string('课', 101));
        cut.Find("#course-save").Click();
        cut.WaitForAssertion(() => Assert.Contains("专业课名称不能超过100个字", cut.Markup));
        await using var db = _app.Db();
        Assert.False(await db.CatalogCourses.AnyAsync(c => c.CatalogId == _catalogId));
    }

    [Fact]
    public async Task Save_and_new_saves_and_clears_the_form_for_the_next_course()
    {
        var cut = await OpenAsync();
        cut.Find("#course-name").Change("高校教师师德师风建设");
        cut.Find("#course-content").Change("师德规范、典型案例");
        cut.Find("#course-save-new").Click();

        cut.WaitForAssertion(() => Assert.Contains("本次已新增 1 门专业课", cut.Markup));
        Assert.Equal("", cut.Find("#course-name").GetAttribute("value") ?? "");
        await using var db = _app.Db();
        Assert.Equal("高校教师师德师风建设", (await db.CatalogCourses.SingleAsync(c => c.CatalogId == _catalogId)).Name);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _app.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
