using Bunit;
using CeAdmin.App.Features.Teachers;
using CeAdmin.Domain;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.Tests.Teachers;

/// <summary>添加或修改教师: the dialog shows the validator's messages at each field before anything is sent.</summary>
public sealed class TeacherDialogTests : BunitContext, IAsyncLifetime
{
    private IRenderedComponent<MudDialogProvider> _provider = null!;

    public async Task InitializeAsync()
    {
        ValidationSetup.UseChinese();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The service is only injected here: a new teacher's dialog reads nothing, and an invalid form sends nothing.
        Services.AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(null));
        Render<MudPopoverProvider>();
        _provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await _provider.InvokeAsync(() => dialogs.ShowAsync<TeacherDialog>("添加或修改教师"));
    }

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void Saving_an_empty_form_asks_for_every_field()
    {
        _provider.Find("#teacher-save").Click();

        _provider.WaitForAssertion(() =>
        {
            foreach (var message in new[] { "请输入姓名", "请选择性别", "请输入公民身份号码", "请输入专业技术资格", "请输入联系电话", "请输入E-Mail", "请输入可以教授课程", "请输入教师简介" })
                Assert.Contains(message, _provider.Markup);
        });
        Assert.Single(_provider.FindAll("#teacher-save"));
    }

    [Fact]
    public void A_bad_id_number_and_too_long_courses_are_shown_at_their_fields()
    {
        var bad = DemoIds.IdNumber("440106", new DateOnly(1978, 5, 20), 315)[..17] + "Y";
        _provider.Find("#teacher-id-number").Change(bad);
        _provider.Find("#teacher-courses").Input(new string('课', 501));
        _provider.Find("#teacher-save").Click();

        _provider.WaitForAssertion(() =>
        {
            Assert.Equal("公民身份号码格式或校验位不正确", ErrorOf("#teacher-id-number"));
            Assert.Equal("可以教授课程不能超过500个字", ErrorOf("#teacher-courses"));
            Assert.Contains("501 / 500", _provider.Markup);
        });
    }

    [Fact]
    public void A_valid_id_number_fills_in_the_gender_and_clears_its_error()
    {
        _provider.Find("#teacher-save").Click();
        _provider.WaitForAssertion(() => Assert.Equal("请输入公民身份号码", ErrorOf("#teacher-id-number")));

        // Seq 428: an even 17th digit, so a woman.
        _provider.Find("#teacher-id-number").Change(DemoIds.IdNumber("440104", new DateOnly(1983, 9, 1), 428));

        _provider.WaitForAssertion(() =>
        {
            Assert.Null(ErrorOf("#teacher-id-number"));
            Assert.Equal("女性", _provider.Find("#teacher-gender").GetAttribute("value"));
        });
    }

    /// <summary>The error an invalid input is described by (aria-invalid, aria-describedby), as a screen reader reads it.</summary>
    private string? ErrorOf(string inputSelector)
    {
        var input = _provider.Find(inputSelector);
        if (input.GetAttribute("aria-invalid") != "true") return null;
        return _provider.Find($"[id='{input.GetAttribute("aria-describedby")}']").TextContent.Trim();
    }
}
