using System.Security.Cryptography;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts only from this origin
/// (no eval, no inline script; the one inline script, Blazor's import map, carries the response's
/// nonce), frames only from this origin. Styles allow 'unsafe-inline': MudBlazor writes its theme as
/// a &lt;style&gt; element and positions popovers, drawers and grid columns with style attributes set
/// over the circuit, which neither a nonce nor a hash can cover. Style injection cannot run script.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "ce:csp-nonce";

    /// <summary>The nonce of this response's policy, for App.razor's ImportMap.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            // Record ids sit in paths (/records/123): never send them to another site.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
