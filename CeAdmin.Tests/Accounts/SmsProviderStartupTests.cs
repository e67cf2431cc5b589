using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Tests.Accounts;

/// <summary>Which SMS sender the app takes: the provider in Production (or refusal to start), the log only in Development.</summary>
public sealed class SmsProviderStartupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Log")]
    public void Production_without_a_provider_refuses_to_start_and_says_what_to_set(string? provider)
    {
        var ex = Record.Exception(() => new AppServer(Production(new() { ["Sms:Provider"] = provider }), environment: "Production", captureSms: false));

        var message = MessagesOf(ex);
        Assert.Contains("短信服务未配置（环境：Production）：请设置 Sms:Provider=Tencent 以及 Sms:Tencent:SecretId、SecretKey、SdkAppId、SignName、TemplateId", message);
    }

    [Fact]
    public void An_incomplete_provider_names_the_missing_settings()
    {
        var ex = Record.Exception(() => new AppServer(Production(new()
        {
            ["Sms:Provider"] = "Tencent", ["Sms:Tencent:SecretId"] = "AKIDtest", ["Sms:Tencent:SecretKey"] = "k",
        }), environment: "Production", captureSms: false));

        Assert.Contains("还需要设置 Sms:Tencent:SdkAppId、Sms:Tencent:SignName、Sms:Tencent:TemplateId", MessagesOf(ex));
    }

    [Fact]
    public async Task Production_sends_through_the_provider_and_never_logs_the_code()
    {
        await using var fake = await FakeTencentSms.StartAsync();
        var log = new LogLines();
        await using var server = new AppServer(Production(new()
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Sms:Provider"] = "Tencent", ["Sms:Tencent:Endpoint"] = fake.Url,
            ["Sms:Tencent:SecretId"] = "AKIDtest", ["Sms:Tencent:SecretKey"] = "test-secret-key",
            ["Sms:Tencent:SdkAppId"] = "1400006666", ["Sms:Tencent:SignName"] = "广东省人社厅", ["Sms:Tencent:TemplateId"] = "1234567",
        }), services: s => s.AddSingleton<ILoggerProvider>(log), environment: "Production", captureSms: false);

        using var browser = new HttpSession(server);
        await browser.PostAsync("/account/forgot-password", "send-code", ("Send.LoginName", "th_edu"));

        var request = Assert.Single(fake.Requests);
        Assert.Equal("SendSms", request.Headers["x-tc-action"]);
        var code = System.Text.RegularExpressions.Regex.Match(request.Body, @"""TemplateParamSet"":\[""(\d{6})""").Groups[1].Value;
        Assert.Matches(@"^\d{6}$", code);
        Assert.Contains(log.Lines, l => l.StartsWith("短信已发送"));
        Assert.DoesNotContain(log.Lines, l => l.Contains(code));
    }

    [Fact]
    public async Task Development_writes_the_code_to_the_log_instead_of_sending_it()
    {
        var log = new LogLines();
        await using var server = new AppServer(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(log), captureSms: false);

        using var browser = new HttpSession(server);
        await browser.PostAsync("/account/forgot-password", "send-code", ("Send.LoginName", "th_edu"));

        Assert.Contains(log.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^短信（开发环境，未真正发送）→ 1\d{10}: .*验证码：\d{6}"));
    }

    /// <summary>Production's other required settings (the key-protection certificate), so that only the SMS settings vary.</summary>
    private static Dictionary<string, string?> Production(Dictionary<string, string?> sms)
    {
        sms["DataProtection:CertificatePath"] = ProductionFixture.CertificateFile;
        sms["DataProtection:CertificatePassword"] = ProductionFixture.Password;
        return sms;
    }

    private static string MessagesOf(Exception? ex)
    {
        Assert.NotNull(ex);
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    private sealed class LogLines : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(LogLines owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines) owner.Lines.Add(formatter(state, exception));
            }
        }
    }
}
