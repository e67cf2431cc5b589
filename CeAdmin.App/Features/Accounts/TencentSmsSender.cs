using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CeAdmin.Domain.Accounts;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The "Sms:Tencent" settings: an SMS application, an approved signature and code template of Tencent Cloud SMS.</summary>
public sealed class TencentSmsOptions
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com";
    public string Region { get; set; } = "ap-guangzhou";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    /// <summary>短信 SdkAppId, e.g. 1400006666.</summary>
    public string SdkAppId { get; set; } = "";
    /// <summary>签名内容 (approved), e.g. 广东省人社厅.</summary>
    public string SignName { get; set; } = "";
    /// <summary>An approved template with two variables: {1} the code, {2} its minutes of validity.</summary>
    public string TemplateId { get; set; } = "";

    public IReadOnlyList<string> Missing() =>
    [
        .. new (string Name, string Value)[] { (nameof(SecretId), SecretId), (nameof(SecretKey), SecretKey), (nameof(SdkAppId), SdkAppId), (nameof(SignName), SignName), (nameof(TemplateId), TemplateId) }
            .Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Name),
    ];
}

/// <summary>
/// Tencent Cloud SMS, API 3.0 SendSms (version 2021-01-11): a JSON POST to sms.tencentcloudapi.com signed
/// with TC3-HMAC-SHA256. The log gets the masked number and the provider's answer, never the code.
/// </summary>
public sealed class TencentSmsSender(HttpClient http, TencentSmsOptions options, TimeProvider clock, ILogger<TencentSmsSender> logger) : ISmsSender
{
    public const string ProviderName = "Tencent";
    private const string Service = "sms";
    private const string Version = "2021-01-11";

    public async Task SendAsync(SmsCodeMessage message, CancellationToken ct = default)
    {
        var payload = JsonSerializer.Serialize(new
        {
            PhoneNumberSet = new[] { "+86" + message.PhoneNumber },
            SmsSdkAppId = options.SdkAppId,
            options.SignName,
            options.TemplateId,
            TemplateParamSet = new[] { message.Code, message.ValidMinutes.ToString(CultureInfo.InvariantCulture) },
        });
        var endpoint = new Uri(options.Endpoint);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        // The header's format (commas, '=') is not one HttpClient validates; it is sent as is.
        request.Headers.TryAddWithoutValidation("Authorization",
            Tc3Signature.Authorization(options.SecretId, options.SecretKey, Service, endpoint.Authority, timestamp, payload));
        request.Headers.Add("X-TC-Action", "SendSms");
        request.Headers.Add("X-TC-Version", Version);
        request.Headers.Add("X-TC-Region", options.Region);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));

        var masked = UnitAccountService.MaskMobile(message.PhoneNumber);
        JsonNode? answer;
        try
        {
            using var response = await http.SendAsync(request, ct);
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["Response"];
        }
        catch (Exception ex) when ((ex is HttpRequestException or JsonException or TaskCanceledException) && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "短信发送失败 → {Phone}: 腾讯云短信接口无法访问", masked);
            throw new SmsSendException("unreachable", ex);
        }

        var error = answer?["Error"];
        var status = answer?["SendStatusSet"]?[0];
        var code = (string?)error?["Code"] ?? (string?)status?["Code"] ?? "NoResponse";
        if (error is not null || !string.Equals(code, "Ok", StringComparison.OrdinalIgnoreCase))
        {
            var detail = $"{code}: {(string?)(error ?? status)?["Message"]} (RequestId {(string?)answer?["RequestId"]})";
            logger.LogWarning("短信发送失败 → {Phone}: {Detail}", masked, detail);
            throw new SmsSendException(detail);
        }
        logger.LogInformation("短信已发送 → {Phone}，流水号 {SerialNo}", masked, (string?)status?["SerialNo"]);
    }
}
