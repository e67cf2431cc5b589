using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CeAdmin.App.Features.Accounts;
using CeAdmin.App.Features.Administration;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Features.Inbox;
using CeAdmin.App.Features.Operations;
using CeAdmin.App.Features.Security;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Domain;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.App;

public static class ServiceRegistration
{
    public static void AddCeAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Chinese UI: dates as yyyy-MM-dd, MudBlazor's own texts through the Chinese localizer.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("zh-CN").Clone();
        culture.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        ValidationSetup.UseChinese();
        // Without this, prerendered Chinese text comes out as &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            c.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddHttpContextAccessor();

        // Database: one switch selects the provider; a fresh context per operation.
        var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddCeAdminDomain(database);
        services.AddCeAdminDemo(config.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        services.AddScoped<ICurrentUser, CurrentUser>();
        // Identity's stores and the data-protection key ring ask DI for a context; they get a short-lived one per scope.
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        AddIdentity(services, config);
        services.AddScoped<UserSession>();
        // Sessions, page powers, the key ring (shared by instances through the database) and its protection, headers.
        builder.AddCeAdminSecurity();
        // The SMS sender (a provider outside Development), throttling, the sign-in check.
        builder.AddCeAdminCredentials();
        // Audit options, run-time settings (运行参数) applied over the configuration, the audit retention job.
        builder.AddCeAdminAdministration();

        // Query exports: temporary files handed to the browser through a one-time download.
        services.AddSingleton(config.GetSection("Exports").Get<ExportOptions>() ?? new ExportOptions());
        services.AddSingleton<ExportFileStore>();
        services.AddHostedService<ExportSweeper>();

        builder.AddCeAdminOperations();
        // The 首页's live 待办 cards and the unread badge (Features/Inbox).
        builder.AddCeAdminInbox();
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration config)
    {
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                // The password rule is ours (PasswordRule); Identity's defaults would contradict it.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredLength = 8;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CeAdmin.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, security.IdleMinutes));
            o.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Blazor Server makes few HTTP requests, so checking the stamp on each costs little
            // and a de-authorised operator cannot come back in on an old cookie.
            o.ValidationInterval = TimeSpan.Zero;
            // Keep the chosen unit role when the cookie's principal is refreshed.
            o.OnRefreshingPrincipal = ctx =>
            {
                var extra = ctx.CurrentPrincipal?.Claims.Where(c => CeClaims.Custom.Contains(c.Type) || c.Type == System.Security.Claims.ClaimTypes.Role).ToList() ?? [];
                if (ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity id)
                    foreach (var claim in extra.Where(c => !id.HasClaim(c.Type, c.Value))) id.AddClaim(claim);
                return Task.CompletedTask;
            };
        });
    }
}

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public double IdleMinutes { get; set; } = 30;
    /// <summary>How often an open circuit re-checks that its user may still be signed in.</summary>
    public double RevalidationSeconds { get; set; } = 60;
    /// <summary>A session ends this long after the password was entered, however active the user is.</summary>
    public double AbsoluteSessionHours { get; set; } = 8;
}
