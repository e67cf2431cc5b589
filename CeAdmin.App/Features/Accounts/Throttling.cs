using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace CeAdmin.App.Features.Accounts;

/// <summary>
/// Throttles the form posts of a static server-rendered page (sign-in, password pages): per client address
/// and per account, the account read from a posted field or, without one, the signed-in user.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ThrottleAttribute(ThrottledAction action) : Attribute
{
    public ThrottledAction Action { get; } = action;
    /// <summary>The form (its FormName, posted as _handler) this applies to; null: every post of the page.</summary>
    public string? Handler { get; init; }
    /// <summary>The posted field holding the login name; null: the signed-in user's name.</summary>
    public string? AccountField { get; init; }
}

public static class Throttling
{
    public static void AddCeAdminThrottling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Throttle").Get<ThrottleOptions>() ?? new ThrottleOptions());
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<ThrottleLimits>((o, limits) =>
        {
            o.GlobalLimiter = new EndpointThrottle(limits);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => WriteRefusalAsync(context, ct);
        });
    }

    /// <summary>After authentication: notes the client address, reads throttled forms, then ASP.NET Core's rate limiter.</summary>
    public static void UseCeAdminThrottling(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<ClientContext>().Address = AddressOf(context);
            // The limiter's partitions are chosen synchronously; the form is read here, asynchronously, once.
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
                && context.GetEndpoint()?.Metadata.GetMetadata<ThrottleAttribute>() is not null)
                await context.Request.ReadFormAsync(context.RequestAborted);
            await next(context);
        });
        app.UseRateLimiter();
    }

    /// <summary>The browser's address (behind the proxy, once forwarded headers are applied).</summary>
    public static string? AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static async ValueTask WriteRefusalAsync(OnRejectedContext context, CancellationToken ct)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(context.HttpContext.Request.Path.Value ?? "/");
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8" /><title>操作过于频繁 - 广东省专业技术人员继续教育系统</title></head>
            <body><h1>操作过于频繁</h1><p id="throttled">{ThrottledException.MessageFor(wait)}。</p><p><a href="{back}">返回</a></p></body></html>
            """, ct);
    }

    /// <summary>
    /// The global limiter of the rate-limiting middleware over the app's <see cref="ThrottleLimits"/>: only
    /// POSTs to pages marked with <see cref="ThrottleAttribute"/> take permits.
    /// </summary>
    private sealed class EndpointThrottle(ThrottleLimits limits) : PartitionedRateLimiter<HttpContext>
    {
        private static readonly object DecisionKey = new();

        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

        protected override RateLimitLease AttemptAcquireCore(HttpContext context, int permitCount)
        {
            var wait = Decide(context);
            // The middleware asks again (AcquireAsync) after a refusal: answer without taking more permits.
            context.Items[DecisionKey] = wait;
            return new Lease(wait);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext context, int permitCount, CancellationToken ct) =>
            ValueTask.FromResult<RateLimitLease>(new Lease(context.Items.TryGetValue(DecisionKey, out var d) ? (TimeSpan?)d : Decide(context)));

        private TimeSpan? Decide(HttpContext context)
        {
            if (!HttpMethods.IsPost(context.Request.Method)) return null;
            var rules = context.GetEndpoint()?.Metadata.GetOrderedMetadata<ThrottleAttribute>() ?? [];
            if (rules.Count == 0) return null;
            // Read by UseCeAdminThrottling before the limiter runs, so Form is not a blocking read.
            var form = context.Request.HasFormContentType ? context.Request.Form : null;
            var handler = form?["_handler"].ToString();
            foreach (var rule in rules.Where(r => r.Handler is null || r.Handler == handler))
            {
                var account = rule.AccountField is null ? context.User.Identity?.Name : form?[rule.AccountField].ToString();
                if (limits.TryAcquire(rule.Action, AddressOf(context), account) is { } wait) return wait;
            }
            return null;
        }
    }

    private sealed class Lease(TimeSpan? wait) : RateLimitLease
    {
        public override bool IsAcquired => wait is null;

        public override IEnumerable<string> MetadataNames => wait is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = wait;
            return wait is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
