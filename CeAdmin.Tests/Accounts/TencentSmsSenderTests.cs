using System.Text.Json;
using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Tests.Accounts;

/// <summary>Tencent Cloud SMS (SendSms, API 3.0, TC3-HMAC-SHA256) against a local fake of the API.</summary>
public sealed class TencentSmsSenderTests : IAsyncLifetime
{
    private FakeTencentSms _fake = null!;
    private readonly TestClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_772_416_800)); // 2026-03-02 02:00 UTC
    private readonly CapturingLogger _log = new();

    public async Task InitializeAsync() => _fake = await FakeTencentSms.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public void The_signature_matches_tencent_clouds_documented_example()
    {
        // "签名方法 v3" of Tencent Cloud API 3.0: DescribeInstances of cvm at 1551113065 with the example keys.
        var authorization = Tc3Signature.Authorization(
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm", "cvm.tencentcloudapi.com", 1551113065,
            """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""");
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            authorization);
    }

    [Fact]
    public async Task SendSms_carries_the_documented_headers_body_and_a_signature_over_what_was_sent()
    {
        await Sender().SendAsync(new SmsCodeMessage("13912345678", "482913", SmsPurpose.PasswordReset, 5));

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/json; charset=utf-8", request.Headers["content-type"]);
        Assert.Equal("SendSms", request.Headers["x-tc-action"]);
        Assert.Equal("2021-01-11", request.Headers["x-tc-version"]);
        Assert.Equal("ap-guangzhou", request.Headers["x-tc-region"]);
        Assert.Equal("1772416800", request.Headers["x-tc-timestamp"]);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(["+8613912345678"], root.GetProperty("PhoneNumberSet").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("1400006666", root.GetProperty("SmsSdkAppId").GetString());
        Assert.Equal("广东省人社厅", root.GetProperty("SignName").GetString());
        Assert.Equal("1234567", root.GetProperty("TemplateId").GetString());
        Assert.Equal(["482913", "5"], root.GetProperty("TemplateParamSet").EnumerateArray().Select(e => e.GetString()));

        // The server recomputes the signature from the bytes and Host it received.
        Assert.Equal(Tc3Signature.Authorization("AKIDtest", "test-secret-key", "sms", request.Headers["host"], 1772416800, request.Body), request.Headers["authorization"]);
        Assert.StartsWith("TC3-HMAC-SHA256 Credential=AKIDtest/2026-03-02/sms/tc3_request, SignedHeaders=content-type;host, Signature=", request.Headers["authorization"]);
        Assert.DoesNotContain(_log.Lines, l => l.Contains("482913"));
        Assert.Contains(_log.Lines, l => l.Contains("139****5678") && l.Contains("2028:fake-serial"));
    }

    [Fact]
    public async Task A_refusal_by_the_provider_is_a_chinese_message_and_the_reason_goes_to_the_log()
    {
        _fake.Error = ("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");

        var ex = await Assert.ThrowsAsync<SmsSendException>(() => Sender().SendAsync(new SmsCodeMessage("13912345678", "482913", SmsPurpose.UnitRegistration, 5)));

        Assert.Equal("短信发送失败，请稍后再试", ex.Message);
        Assert.StartsWith("AuthFailure.SignatureFailure", ex.Detail);
        Assert.Contains(_log.Lines, l => l.Contains("AuthFailure.SignatureFailure"));
        Assert.DoesNotContain(_log.Lines, l => l.Contains("482913"));
    }

    private TencentSmsSender Sender() => new(new HttpClient(), new TencentSmsOptions
    {
        Endpoint = _fake.Url, SecretId = "AKIDtest", SecretKey = "test-secret-key", SdkAppId = "1400006666", SignName = "广东省人社厅", TemplateId = "1234567",
    }, _clock, _log);

    private sealed class CapturingLogger : ILogger<TencentSmsSender>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception));
        }
    }
}
