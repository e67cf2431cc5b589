using System.Text.Json;

namespace CeAdmin.Tests.Dependencies;

/// <summary>
/// Transitive packages with known vulnerabilities are pinned in Directory.Packages.props; the resolved
/// graph of every project (its .deps.json, copied next to the tests) must carry the fixed version.
/// </summary>
public class PinnedPackageTests
{
    [Theory]
    [InlineData("CeAdmin.Domain.deps.json")]
    [InlineData("CeAdmin.App.deps.json")]
    [InlineData("CeAdmin.Tests.deps.json")]
    public void System_Drawing_Common_is_the_fixed_version_not_the_one_ClosedXML_asks_for(string depsFile)
    {
        // CVE-2021-24112: System.Drawing.Common 4.7.0 (ClosedXML 0.95.4's dependency) is fixed in 4.7.3; QRCoder 1.8.1
        // asks for 6.0.0 (not affected), so the pin is 6.0.0 — never the 4.7.0 ClosedXML asks for.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, depsFile)));
        var versions = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(p => p.Name)
            .Where(n => n.StartsWith("System.Drawing.Common/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["System.Drawing.Common/6.0.0"], versions);
    }
}
