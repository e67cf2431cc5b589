using Bunit;
using CeAdmin.App.Features.Catalogs;
using CeAdmin.App.Shared;
using CeAdmin.Domain;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Shared;

/// <summary>
/// Messages that help instead of pile up: at most three, at the top centre, a success fades and an error stays;
/// a form's red fields get one summary message, never a second, and it goes once the fields are put right.
/// </summary>
public sealed class FeedbackTests : BunitContext, IAsyncLifetime
{
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;
    private ISnackbar _snackbar = null!;

    public Task InitializeAsync()
    {
        ValidationSetup.UseChinese();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddCeAdminFeedback();
        // Only injected: an invalid form sends nothing.
        Services.AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(null));
        Services.AddSingleton(TimeProvider.System);
        Render<MudPopoverProvider>();
        _snackbars = Render<MudSnackbarProvider>();
        _snackbar = Services.GetRequiredService<ISnackbar>();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public async Task At_most_three_at_the_top_centre_successes_fade_and_errors_stay()
    {
        // A caller's own configure runs after the defaults of its severity: it sees what they set.
        SnackbarOptions? saved = null, refused = null;
        await _snackbars.InvokeAsync(() =>
        {
            _snackbar.Add("已保存", Severity.Success, o => saved = o);
            _snackbar.Add("已送审", Severity.Success);
            _snackbar.Add("请先上传附件材料", Severity.Warning);
            _snackbar.Add("该申请已被其他审核人处理", Severity.Error, o => refused = o);
            _snackbar.Add("已保存", Severity.Success);
        });

        _snackbars.WaitForAssertion(() => Assert.Equal(Feedback.MaxShown, _snackbars.FindAll(".mud-snackbar").Count));
        Assert.NotNull(_snackbars.Find(".mud-snackbar-location-top-center"));
        Assert.False(saved!.RequireInteraction);
        Assert.Equal(Feedback.SuccessMilliseconds, saved.VisibleStateDuration);
        Assert.True(refused!.RequireInteraction);
        Assert.True(refused.CloseAfterNavigation);
        // 审核完成 is shown, then the page goes back to the grid: the success goes along.
        Assert.False(saved.CloseAfterNavigation);
        Assert.True(refused.ShowCloseIcon);
    }

    [Fact]
    public async Task A_form_shows_one_summary_which_goes_when_its_fields_are_put_right()
    {
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CourseDialog>("专业添加"));

        dialogs.Find("#course-save").Click();
        dialogs.Find("#course-save").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("请输入学习内容", dialogs.Markup));
        _snackbars.WaitForAssertion(() => Assert.Single(Summaries()));

        // Still a red field: the summary stays, one of it.
        dialogs.Find("#course-name").Change("人工智能导论");
        _snackbars.WaitForAssertion(() => Assert.Single(Summaries()));

        dialogs.Find("#course-content").Change("机器学习基础与应用");
        _snackbars.WaitForAssertion(() => Assert.Empty(Summaries()));
    }

    private IReadOnlyList<AngleSharp.Dom.IElement> Summaries() =>
        _snackbars.FindAll(".mud-snackbar").Where(s => s.TextContent.Contains(FormValidation.InvalidMessage)).ToList();
}
