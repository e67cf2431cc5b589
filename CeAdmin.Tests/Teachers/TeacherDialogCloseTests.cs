using Bunit;
using CeAdmin.App.Features.Teachers;
using CeAdmin.Domain;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Teachers;

/// <summary>添加或修改教师: Esc or a click outside asks before discarding what was typed; with nothing typed it just closes.</summary>
public sealed class TeacherDialogCloseTests : MudTestContext
{
    private IRenderedComponent<MudDialogProvider> _provider = null!;
    private Task<bool> _shown = null!;

    public override async Task InitializeAsync()
    {
        // A new teacher's dialog reads nothing: the database is never opened.
        Services.AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(null));
        Render<MudPopoverProvider>();
        _provider = Render<MudDialogProvider>();
        // Not awaited inside: the task ends only when the dialog closes.
        await _provider.InvokeAsync(() => { _shown = TeacherDialog.ShowAsync(Services.GetRequiredService<IDialogService>(), null); });
        _provider.WaitForElement("#teacher-save");
    }

    // Not awaited: with unsaved input the key's handler waits for the answer to its question.
    private Task EscapeAsync() => _provider.InvokeAsync(() =>
    {
        _ = _provider.FindComponents<MudDialog>()[0].Instance.OnKeyDown.InvokeAsync(new KeyboardEventArgs { Key = "Escape" });
    });

    [Fact]
    public async Task Escape_with_unsaved_input_asks_and_keeps_the_dialog_until_confirmed()
    {
        _provider.Find("#teacher-name").Change("赵明轩");
        await EscapeAsync();

        _provider.WaitForAssertion(() => Assert.Contains("教师信息有修改尚未保存，确定关闭吗？", _provider.Markup));
        Assert.Single(_provider.FindAll("#teacher-save"));
        _provider.FindAll("button").Single(b => b.TextContent.Trim() == "继续编辑").Click();
        _provider.WaitForAssertion(() => Assert.DoesNotContain("确定关闭吗", _provider.Markup));
        Assert.Equal("赵明轩", _provider.Find("#teacher-name").GetAttribute("value"));
        Assert.False(_shown.IsCompleted);

        // A click outside asks the same; 关闭 discards.
        _ = _provider.Find(".mud-overlay").ClickAsync(new MouseEventArgs());
        _provider.WaitForAssertion(() => Assert.Contains("确定关闭吗", _provider.Markup));
        _provider.FindAll("button").Single(b => b.TextContent.Trim() == "关闭").Click();
        Assert.False(await _shown.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Escape_with_nothing_typed_closes_without_asking()
    {
        await EscapeAsync();

        Assert.False(await _shown.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("确定关闭吗", _provider.Markup);
    }
}
