using CeAdmin.App.Features.Security;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CeAdmin.App.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // 退出: a POST with the antiforgery token (a form field binds, so the antiforgery middleware
        // checks it), so another site cannot sign a user out. It ends the session on the server too:
        // the same cookie, copied before, is refused afterwards.
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<AppUser> signIn, SessionService sessions, AuditLog audit, [FromForm] string? reason) =>
        {
            if (CeClaims.ToActor(context.User) is { } actor)
            {
                // The idle timer (js/session.js) posts the same form: that is the session running out, not the user leaving.
                var record = reason is "idle"
                    ? new AuditRecord(AuditEvent.SessionExpired, actor.UserName, new { Reason = "无操作超时" }, nameof(AppUser), actor.UserId)
                    : new AuditRecord(AuditEvent.SignOut, actor.UserName, null, nameof(AppUser), actor.UserId);
                await audit.RecordAsync(record);
            }
            await sessions.EndAsync(SessionCookie.TokenOf(context.User), SessionEndReason.SignedOut);
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login" + (reason is "idle" ? "?reason=idle" : "?reason=signedout"));
        });

        // Renews the sliding cookie while the user works over the circuit.
        app.MapGet("/account/keepalive", (HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.StatusCode(StatusCodes.Status401Unauthorized));
    }
}
