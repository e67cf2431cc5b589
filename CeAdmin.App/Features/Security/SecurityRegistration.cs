using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Security;

/// <summary>Sessions, page powers, key protection and response headers; called once from ServiceRegistration and Program.</summary>
public static class SecurityRegistration
{
    /// <summary>After Identity's registration: it wraps Identity's cookie events.</summary>
    public static void AddCeAdminSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddCeAdminDataProtection(builder.Configuration, builder.Environment);

        services.ConfigureApplicationCookie(o => SessionCookie.Attach(o,
            sp => TimeSpan.FromHours(sp.GetRequiredService<SecurityOptions>().AbsoluteSessionHours)));
        // A disabled account may not sign in (Identity asks IUserConfirmation before it checks the password).
        services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedAccount = true);
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccountConfirmation>();

        services.Configure<AuthorizationOptions>(PowerPolicies.Add);
        services.AddScoped<IAuthorizationHandler, PowerHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PageRefusal>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so that every response (static files, errors, redirects) carries the headers.</summary>
    public static void UseCeAdminSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Sent on HTTPS requests only (behind the proxy: X-Forwarded-Proto), never for localhost.
        app.UseHsts();
    }
}
