using Bunit;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>bunit 2 with MudBlazor: loose JS interop, Mud services, Chinese validation messages.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        Services.AddSingleton(TimeProvider.System);
        ValidationSetup.UseChinese();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's KeyInterceptorService is only IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
