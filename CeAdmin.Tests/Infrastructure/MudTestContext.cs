using Bunit;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>bunit 2 with MudBlazor: loose JS interop, the app's Mud services, Chinese validation messages.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The app's MudBlazor services and message configuration.
        Services.AddCeAdminFeedback();
        Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        Services.AddSingleton(TimeProvider.System);
        ValidationSetup.UseChinese();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's KeyInterceptorService is only IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
