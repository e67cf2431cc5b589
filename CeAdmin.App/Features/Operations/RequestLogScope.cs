using System.Collections;
using System.Security.Claims;
using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Data;

namespace CeAdmin.App.Features.Operations;

/// <summary>
/// Puts the account and the unit into the log scope of each request, beside the request id ASP.NET Core
/// adds; a page's circuit runs under the scope of its WebSocket request, so its lines carry them too. The
/// account is its opaque id: login names, real names, ID and phone numbers never enter the logs.
/// Runs before authentication, so that a request failing there (the database away while the cookie is
/// checked) still gets a Chinese 503 page instead of an error page that needs the database as well.
/// Also names the instance in a response header: an operator (and the tests) can tell which instance
/// behind the balancer answered.
/// </summary>
public sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> logger, OperationsOptions options)
{
    public const string OutageText = "系统暂时无法访问数据库，请稍后刷新页面重试。";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[OperationsServices.InstanceHeader] = options.InstanceName;
        var scope = new AccountScope(context);
        try
        {
            using (logger.BeginScope(scope))
            {
                try
                {
                    await next(context);
                }
                catch (DatabaseUnavailableException ex) when (!context.Response.HasStarted)
                {
                    logger.LogWarning(ex, "Request refused: the database is unavailable");
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "30";
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync(OutageText);
                }
            }
        }
        finally
        {
            scope.Freeze();
        }
    }

    /// <summary>
    /// AccountId and UnitId, read from the request's user when a line is written: empty before authentication
    /// has run, the signed-in user's after. Frozen when the request ends, since ASP.NET Core reuses the
    /// HttpContext while a circuit may still log under this scope.
    /// </summary>
    private sealed class AccountScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private HttpContext? _context = context;
        private string? _account;
        private string? _unit;

        public void Freeze()
        {
            Read();
            _context = null;
        }

        private void Read()
        {
            if (_context?.User is not { } user) return;
            _account = user.FindFirstValue(ClaimTypes.NameIdentifier);
            _unit = user.FindFirstValue(CeClaims.UnitId);
        }

        public int Count => 2;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                Read();
                return index == 0 ? new("AccountId", _account) : new("UnitId", _unit);
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            Read();
            return $"AccountId:{_account} UnitId:{_unit}";
        }
    }
}
