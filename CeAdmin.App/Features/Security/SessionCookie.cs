using System.Security.Claims;
using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// Ties the sign-in cookie to a server-side session (<see cref="SessionService"/>, one table in the
/// shared database): a sign-in starts one and puts its token into the cookie as a claim; every
/// request checks it before Identity's security-stamp check; 退出, a password change or reset and
/// disabling the account end it, so a copied cookie replayed afterwards is refused on every instance.
/// </summary>
public static class SessionCookie
{
    /// <summary>
    /// Set in a sign-in's properties to continue the browser's current session of the same account
    /// instead of starting one: choosing the unit role after 个人登录, and Identity re-issuing the cookie
    /// (RefreshSignInAsync passes the ticket's own properties, which carry it).
    /// </summary>
    public const string ContinueItem = "ce:continue-session";

    /// <summary>Properties for a sign-in that continues the current session (see <see cref="ContinueItem"/>).</summary>
    public static AuthenticationProperties Continuing() => new() { Items = { [ContinueItem] = "1" } };

    /// <summary>The session token of a signed-in principal, for <see cref="SessionService.EndAllAsync"/>'s exceptToken.</summary>
    public static string? TokenOf(ClaimsPrincipal user) => user.FindFirstValue(CeClaims.SessionId);

    /// <summary>
    /// After the caller changed the password (UserManager renews the security stamp, which would refuse
    /// every cookie of the account, the caller's too): ends every other session of the account and
    /// re-issues the caller's cookie with the new stamp, the same unit role and the same session. Call it
    /// on an HTTP request (a static page or an endpoint), since only a response can set the cookie.
    /// </summary>
    public static async Task RenewAfterCredentialChangeAsync(HttpContext context, SignInManager<AppUser> signIn, AppUser user)
    {
        var sessions = context.RequestServices.GetRequiredService<SessionService>();
        await sessions.EndAllAsync(user.Id, SessionEndReason.CredentialsChanged, TokenOf(context.User));
        var kept = context.User.Claims.Where(c => c.Type == ClaimTypes.Role || (CeClaims.Custom.Contains(c.Type) && c.Type != CeClaims.SessionId)).ToList();
        await signIn.SignInWithClaimsAsync(user, Continuing(), kept);
    }

    public static void Attach(CookieAuthenticationOptions options, Func<IServiceProvider, TimeSpan> lifetime)
    {
        // Identity's own events: the security-stamp check runs after the session check.
        var events = options.Events;
        var stampCheck = events.OnValidatePrincipal;
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            await signingIn(context);
            await StartOrContinueAsync(context, lifetime(context.HttpContext.RequestServices));
        };
        events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
            var token = context.Principal is { } p ? TokenOf(p) : null;
            if (!await sessions.IsActiveAsync(token, context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), context.HttpContext.RequestAborted))
            {
                await AuditExpiryAsync(context.HttpContext.RequestServices, context.Principal, token, Throttling.AddressOf(context.HttpContext));
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await stampCheck(context);
            // A changed security stamp ends every session of the account, the database row included.
            if (context.Principal is null) await sessions.EndAsync(token, SessionEndReason.StampChanged);
        };
    }

    /// <summary>
    /// A session that ran out its absolute lifetime is ended (and audited) by the first request or circuit
    /// check that finds it so; a session ended otherwise (退出, disabled) was audited when it ended.
    /// </summary>
    public static async Task AuditExpiryAsync(IServiceProvider services, ClaimsPrincipal? principal, string? token, string? clientAddress)
    {
        if (principal is null || !await services.GetRequiredService<SessionService>().ExpireIfDueAsync(token)) return;
        var actor = CeClaims.ToActor(principal);
        await services.GetRequiredService<AuditLog>().RecordAsync(
            new AuditRecord(AuditEvent.SessionExpired, actor?.UserName ?? "", new { Reason = "超过登录会话最长时长" }, nameof(AppUser), actor?.UserId ?? ""),
            AuditActor.Of(actor, clientAddress));
    }

    private static async Task StartOrContinueAsync(CookieSigningInContext context, TimeSpan lifetime)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var current = context.HttpContext.User;
        var currentToken = TokenOf(current);

        var token = currentToken;
        var sameAccount = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId;
        if (!context.Properties.Items.ContainsKey(ContinueItem) || !sameAccount || !await sessions.IsActiveAsync(currentToken, userId))
        {
            // A password entered again, or another account in this browser: the old session ends here.
            await sessions.EndAsync(currentToken, SessionEndReason.Replaced);
            token = await sessions.StartAsync(userId, lifetime);
        }
        foreach (var old in identity.FindAll(CeClaims.SessionId).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(CeClaims.SessionId, token!));
        context.Properties.Items[ContinueItem] = "1";
    }
}
