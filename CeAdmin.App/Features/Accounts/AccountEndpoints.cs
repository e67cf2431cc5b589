using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CeAdmin.App.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // GET so that the idle timer can send the browser here; signing out is harmless to forge.
        app.MapGet("/account/logout", async (SignInManager<AppUser> signIn, string? reason) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login" + (reason is "idle" ? "?reason=idle" : "?reason=signedout"));
        });

        // Renews the sliding cookie while the user works over the circuit.
        app.MapGet("/account/keepalive", (HttpContext context) =>
            context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.StatusCode(StatusCodes.Status401Unauthorized));
    }
}
