using System.Security.Cryptography.X509Certificates;
using CeAdmin.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CeAdmin.App.Features.Security;

/// <summary>The "DataProtection" configuration section (docs/decisions/0011-sessions-keys-headers.md).</summary>
public sealed class DataProtectionSettings
{
    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; encrypts the key ring at rest.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Certificates replaced by a rotation, still needed to read keys they encrypted (same password rule: PreviousCertificatePasswords by index).</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];
    public string[] PreviousCertificatePasswords { get; set; } = [];
}

/// <summary>
/// The key ring (cookies, antiforgery tokens) lives in the database so several instances share it;
/// each key is encrypted with the configured certificate before it is written there, so reading the
/// database does not let anyone forge a cookie. Outside Development a missing certificate stops the
/// start with the setting to fix.
/// </summary>
public static class DataProtectionSetup
{
    public const string MissingCertificateMessage =
        "Data protection: DataProtection:CertificatePath is not set. Outside Development the key ring in the database must be " +
        "encrypted at rest: set DataProtection__CertificatePath to a .pfx file (RSA, with its private key) and " +
        "DataProtection__CertificatePassword to its password (docs/deploy.md, \"Key protection\"). " +
        "数据保护密钥未加密：请配置 DataProtection:CertificatePath 和 DataProtection:CertificatePassword。";

    public static void AddCeAdminDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var settings = config.GetSection("DataProtection").Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var builder = services.AddDataProtection().SetApplicationName("CeAdmin").PersistKeysToDbContext<AppDbContext>();
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            // Development (and the tests) keep the keys unencrypted, as ASP.NET Core does by default, and log its warning.
            if (!environment.IsDevelopment()) throw new InvalidOperationException(MissingCertificateMessage);
            return;
        }

        var current = Load(settings.CertificatePath, settings.CertificatePassword);
        var previous = settings.PreviousCertificatePaths
            .Select((path, i) => Load(path, settings.PreviousCertificatePasswords.ElementAtOrDefault(i)));
        builder.ProtectKeysWithCertificate(current)
            // On Linux the certificate store cannot be searched for the decrypting certificate: name them here.
            .UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"Data protection: the certificate file {path} does not exist (DataProtection:CertificatePath).");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"Data protection: {path} must hold an RSA certificate with its private key.");
        return certificate;
    }
}
