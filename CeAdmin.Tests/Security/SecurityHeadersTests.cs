using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CeAdmin.App.Features.Security;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Security;

/// <summary>A Production instance as docs/deploy.md configures it: a key-protection certificate, behind a proxy that forwards https.</summary>
public sealed class ProductionFixture : WebServerFixture
{
    public const string Password = "Pfx-2468-test";
    public static readonly string CertificateFile = Path.Combine(Path.GetTempPath(), $"ceadmin-dp-{Guid.NewGuid():N}.pfx");

    static ProductionFixture()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CeAdmin data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificateFile, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(CertificateFile);
    }

    protected override Dictionary<string, string?> Settings => new()
    {
        ["environment"] = "Production",
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["DataProtection:CertificatePath"] = CertificateFile,
        ["DataProtection:CertificatePassword"] = Password,
        // Production needs an SMS provider to start (the tests' server replaces the sender, so nothing is sent).
        ["Sms:Provider"] = "Tencent", ["Sms:Tencent:SecretId"] = "AKIDtest", ["Sms:Tencent:SecretKey"] = "test-secret-key",
        ["Sms:Tencent:SdkAppId"] = "1400006666", ["Sms:Tencent:SignName"] = "广东省人社厅", ["Sms:Tencent:TemplateId"] = "1234567",
    };
}

/// <summary>
/// Headers on every response, the Server header gone, HSTS over https; the key ring in the database
/// encrypted with the configured certificate; Production refusing to start without one.
/// </summary>
[Trait("Category", "Web")]
[Collection("Browser")]
public sealed class SecurityHeadersTests(ProductionFixture production) : IClassFixture<ProductionFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_headers_and_no_server_name(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(production.Server.BaseUrl) };
        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        // Plain http straight to the instance: no HSTS (it would mean nothing).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response()
    {
        using var client = new HttpClient { BaseAddress = new Uri(production.Server.BaseUrl) };
        var response = await client.GetAsync("/account/login");
        var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        // The page encodes a '+' of the base64 nonce as &#x2B; (the browser decodes it): compare decoded.
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var again = await client.GetAsync("/account/login");
        Assert.DoesNotContain(nonce, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Behind_the_https_proxy_the_browser_is_told_to_stay_on_https()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(production.Server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "ce.example.gd.gov.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_still_reads_its_cookies()
    {
        using var browser = new HttpSession(production.Server);
        await browser.SignInAsync("gz_edu", "广州市教育局");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/records")).StatusCode);

        await using var db = production.Db();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task Production_without_a_key_protection_certificate_refuses_to_start()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new AppServer(new() { ["environment"] = "Production" }));
        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("DataProtection:CertificatePath", messages);
        Assert.Contains(DataProtectionSetup.MissingCertificateMessage, messages);
        await Task.CompletedTask;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}

/// <summary>ForwardedHeaders:KnownProxies: forwarded headers count only from the listed proxies.</summary>
[Trait("Category", "Web")]
[Collection("Browser")]
public sealed class KnownProxyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1, 127.0.0.0/8", true)]
    [InlineData("10.20.30.40, 192.168.0.0/16", false)]
    public async Task Forwarded_https_is_believed_only_from_a_listed_proxy(string knownProxies, bool believed)
    {
        await using var server = new AppServer(new() { ["FORWARDEDHEADERS_ENABLED"] = "true", ["ForwardedHeaders:KnownProxies"] = knownProxies, ["Demo:Enabled"] = "false" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "ce.example.gd.gov.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        // HSTS is sent only on a request the app takes for https.
        Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
    }
}
