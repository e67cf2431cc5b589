using CeAdmin.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace CeAdmin.App.Features.Accounts;

/// <summary>
/// The caller of a service: from the circuit's authentication state in components, from the
/// HTTP request in endpoints (where the component auth state is not initialised).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IHttpContextAccessor http) : ICurrentUser
{
    public async ValueTask<Actor?> GetActorAsync()
    {
        try
        {
            var state = await authState.GetAuthenticationStateAsync();
            return CeClaims.ToActor(state.User);
        }
        catch (InvalidOperationException)
        {
            // Outside a component (an endpoint, a background job) there is no auth state to read.
            return http.HttpContext is { } context ? CeClaims.ToActor(context.User) : null;
        }
    }
}
