using CeAdmin.App.Features.Security;
using CeAdmin.Domain.Accounts;
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
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<AppUser> signIn, SessionService sessions, [FromForm] string? reason) =>
        {
            await sessions.EndAsync(SessionCookie.TokenOf(context.User), SessionEndReason.SignedOut);
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login" + (reason is "idle" ? "?reason=idle" : "?reason=signedout"));
        });

        // Renews the sliding cookie while the user works over the circuit.
        app.MapGet("/account/keepalive", (HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.StatusCode(StatusCodes.Status401Unauthorized));
    }
}
