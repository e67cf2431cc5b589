using System.Reflection;

namespace CeAdmin.Demo;

/// <summary>
/// The files the demo attaches: a rendered specimen of a 统一社会信用代码证书 (PNG) and its scan as a
/// PDF, both marked 演示, embedded so the demo needs nothing from outside.
/// </summary>
internal static class DemoFiles
{
    public static byte[] CertificatePng { get; } = Load("certificate.png");

    public static byte[] CertificatePdf { get; } = Load("certificate-scan.pdf");

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CeAdmin.Demo.Files.{name}")
            ?? throw new InvalidOperationException($"Demo file {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
