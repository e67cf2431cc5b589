using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Tests.Accounts;

/// <summary>
/// A stand-in for sms.tencentcloudapi.com on 127.0.0.1 (Kestrel, port 0): records each request and answers
/// as the SendSms API does (a SendStatusSet with Code "Ok", or an Error).
/// </summary>
internal sealed class FakeTencentSms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private static readonly System.Text.Json.JsonSerializerOptions PascalCase = new();

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public List<Received> Requests { get; } = [];

    /// <summary>Set to answer with an error, e.g. ("AuthFailure.SignatureFailure", "签名验证失败").</summary>
    public (string Code, string Message)? Error { get; set; }

    public string Url { get; }

    private FakeTencentSms(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<FakeTencentSms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeTencentSms? fake = null;
        app.MapPost("/", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (fake!.Requests)
                fake.Requests.Add(new Received(context.Request.Method, context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
            // The API's names are PascalCase (Results.Json would camel-case them by default).
            return fake.Error is { } e
                ? Results.Json(new { Response = new { Error = new { e.Code, e.Message }, RequestId = "fake-request-2" } }, PascalCase)
                : Results.Json(new
                {
                    Response = new
                    {
                        SendStatusSet = new[] { new { SerialNo = "2028:fake-serial", PhoneNumber = "+8613800000000", Fee = 1, SessionContext = "", Code = "Ok", Message = "send success", IsoCode = "CN" } },
                        RequestId = "fake-request-1",
                    },
                }, PascalCase);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake = new FakeTencentSms(app, url);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
