using System.Security.Claims;
using CeAdmin.App.Features.Accounts;

namespace CeAdmin.App.Features.Operations;

/// <summary>
/// Puts the account and the unit into the log scope of each request, beside the request id ASP.NET Core
/// adds. The circuit's events run under the scope of its WebSocket request, so their lines carry them too.
/// The account is its opaque id: login names, real names, ID and phone numbers never enter the logs.
/// Also names the instance in a response header, so an operator (and the tests) can tell which instance
/// behind the balancer answered.
/// </summary>
public sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> logger, OperationsOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[OperationsServices.InstanceHeader] = options.InstanceName;
        var user = context.User;
        KeyValuePair<string, object?>[] scope =
        [
            new("AccountId", user.FindFirstValue(ClaimTypes.NameIdentifier)),
            new("UnitId", user.FindFirstValue(CeClaims.UnitId)),
        ];
        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }
}
