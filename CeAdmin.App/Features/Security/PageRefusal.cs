using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// A page (a routed component) that the signed-in user may not open is answered in place with status 403 and
/// the one refusal page: the request goes on to the component endpoint, whose AuthorizeRouteView checks the same
/// policies before the page is created and renders <see cref="AccessRefused"/> instead. Navigation inside the
/// circuit takes the same path, so the refusal looks the same however the page was reached. Other endpoints
/// (downloads) keep the default: a visitor who is not signed in is sent to the login, anyone else gets 403.
/// </summary>
public sealed class PageRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return next(context);
        }
        return _default.HandleAsync(next, context, policy, result);
    }
}
