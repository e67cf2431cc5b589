using CeAdmin.Domain.Accounts;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
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
        services.Configure<AuthorizationOptions>(SystemRolePolicies.Add);
        services.AddScoped<IAuthorizationHandler, SystemRoleHandler>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.PostConfigure<ForwardedHeadersOptions>(o => TrustOnly(o, builder.Configuration["ForwardedHeaders:KnownProxies"]));
    }

    /// <summary>
    /// ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-* from any sender. With
    /// ForwardedHeaders:KnownProxies (addresses or CIDR networks, comma-separated) only those proxies are
    /// believed, so a client that reaches an instance directly cannot choose its audited address or scheme.
    /// </summary>
    internal static void TrustOnly(ForwardedHeadersOptions options, string? knownProxies)
    {
        var entries = (knownProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else options.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }

    /// <summary>First in the pipeline, so that every response (static files, errors, redirects) carries the headers.</summary>
    public static void UseCeAdminSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Sent on HTTPS requests only (behind the proxy: X-Forwarded-Proto), never for localhost.
        app.UseHsts();
    }
}
