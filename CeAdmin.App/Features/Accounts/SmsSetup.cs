using CeAdmin.Domain.Accounts;

namespace CeAdmin.App.Features.Accounts;

public static class SmsSetup
{
    /// <summary>
    /// The "Sms" settings and the sender: Tencent Cloud SMS when <c>Sms:Provider</c> is Tencent; the log
    /// sender only in Development. Anywhere else, a missing or incomplete provider stops the start with a
    /// message saying what to set, so a production instance never writes codes to its log.
    /// </summary>
    public static void AddCeAdminSms(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Sms");
        var services = builder.Services;
        services.AddSingleton(section.Get<SmsOptions>() ?? new SmsOptions());

        var provider = section["Provider"];
        if (string.Equals(provider, TencentSmsSender.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            var tencent = section.GetSection("Tencent").Get<TencentSmsOptions>() ?? new TencentSmsOptions();
            if (tencent.Missing() is { Count: > 0 } missing)
                throw new InvalidOperationException(
                    $"短信服务配置不完整：Sms:Provider=Tencent 还需要设置 {string.Join("、", missing.Select(m => "Sms:Tencent:" + m))}（见 docs/deploy.md）。");
            services.AddSingleton(tencent);
            services.AddHttpClient<ISmsSender, TencentSmsSender>(c => c.Timeout = TimeSpan.FromSeconds(10));
        }
        else if (builder.Environment.IsDevelopment() && (string.IsNullOrEmpty(provider) || provider == "Log"))
        {
            services.AddSingleton<ISmsSender, LogSmsSender>();
        }
        else
        {
            throw new InvalidOperationException(
                $"短信服务未配置（环境：{builder.Environment.EnvironmentName}）：请设置 Sms:Provider=Tencent 以及 Sms:Tencent:SecretId、SecretKey、SdkAppId、SignName、TemplateId（见 docs/deploy.md）。"
                + "把验证码写入日志的开发用发送方式只能在 Development 环境使用。");
        }
    }
}
