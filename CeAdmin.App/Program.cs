using CeAdmin.App;
using CeAdmin.App.Components;
using CeAdmin.App.Features.Accounts;
using CeAdmin.App.Features.Operations;
using CeAdmin.App.Features.Administration;
using CeAdmin.App.Features.Security;
using CeAdmin.Domain.Data;

// The system administrator's command line (docs/deploy.md) runs instead of the web app.
if (AdminCommand.IsRequested(args))
{
    Environment.ExitCode = await AdminCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCeAdmin();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseCeAdminSecurity();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseCeAdminOperations();
app.UseAuthentication();
app.UseAuthorization();
app.UseCeAdminThrottling();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapFeatureEndpoints();

app.Run();

/// <summary>Visible to WebApplicationFactory in the browser tests.</summary>
public partial class Program;
