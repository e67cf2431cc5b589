using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CeAdmin.App.Features.Accounts;

/// <summary>
/// Tencent Cloud API 3.0 signature v3 (TC3-HMAC-SHA256) of a POST with a JSON body, signing the
/// content-type and host headers, as Tencent Cloud's "签名方法 v3" documents it: a canonical request,
/// a string to sign over its SHA-256, and a key derived from the secret key by date, service and "tc3_request".
/// </summary>
public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string JsonContentType = "application/json; charset=utf-8";
    private const string SignedHeaders = "content-type;host";

    /// <summary>The value of the Authorization header.</summary>
    public static string Authorization(string secretId, string secretKey, string service, string host, long timestamp, string payload)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var canonicalRequest = string.Join('\n',
            "POST",
            "/",
            "",
            // Header names and values in lower case, each line ending in \n, then a blank line.
            $"content-type:{JsonContentType.ToLowerInvariant()}\nhost:{host.ToLowerInvariant()}\n",
            SignedHeaders,
            Sha256Hex(payload));
        var scope = $"{date}/{service}/tc3_request";
        var stringToSign = string.Join('\n', Algorithm, timestamp.ToString(CultureInfo.InvariantCulture), scope, Sha256Hex(canonicalRequest));

        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        var signature = Convert.ToHexStringLower(Hmac(secretSigning, stringToSign));
        return $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders={SignedHeaders}, Signature={signature}";
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
}
