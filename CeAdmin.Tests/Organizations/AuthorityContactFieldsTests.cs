using Bunit;
using CeAdmin.App.Features.Organizations;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.Tests.Organizations;

/// <summary>The contact fields in a MudForm validated by the domain's validator: the user sees the validator's own messages.</summary>
public sealed class AuthorityContactFieldsTests : BunitContext, IAsyncLifetime
{
    public AuthorityContactFieldsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        ValidationSetup.UseChinese();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public async Task Empty_and_malformed_fields_show_the_validators_messages()
    {
        var model = new AuthorityContactForm { Mobile = "12345", PostalCode = "510000" };
        var form = Render<MudForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Validation, new AuthorityContactFormValidator().ValidateValue)
            .AddChildContent<AuthorityContactFields>(c => c.Add(x => x.Form, model)));

        await form.InvokeAsync(() => form.Instance.ValidateAsync());

        form.WaitForAssertion(() => Assert.False(form.Instance.IsValid));
        Assert.Equal(
            new[] { "请输入Email", "请输入单位职能简介", "请输入单位通讯地址", "请输入办公电话", "请输入联系人", "手机号码格式不正确" }.Order(StringComparer.Ordinal),
            form.Instance.Errors.Order(StringComparer.Ordinal));
        Assert.Contains("请输入联系人", form.Markup);
    }
}
