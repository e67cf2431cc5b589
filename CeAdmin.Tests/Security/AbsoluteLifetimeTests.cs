using System.Diagnostics;
using System.Net;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Security;

/// <summary>An app whose sessions last 9 seconds however busy the user is (Security:AbsoluteSessionHours).</summary>
public sealed class ShortLifetimeFixture : WebServerFixture
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(9);

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Security:AbsoluteSessionHours"] = (Lifetime.TotalHours).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>It waits out the lifetime: beside the browser classes rather than between them.</summary>
[Trait("Category", "Web")]
[Collection("Browser waits")]
public sealed class AbsoluteLifetimeTests(ShortLifetimeFixture web) : IClassFixture<ShortLifetimeFixture>
{
    [Fact]
    public async Task A_session_in_use_ends_at_its_absolute_lifetime()
    {
        using var browser = new HttpSession(web.Server);
        await browser.SignInAsync("gz_train", "广州市专业技术人员继续教育培训中心");
        // The session began during the sign-in, so it ends at most Lifetime from here.
        var started = Stopwatch.StartNew();

        // Busy all along: every request renews the 30-minute idle cookie, none extends the session.
        while (started.Elapsed < ShortLifetimeFixture.Lifetime - TimeSpan.FromSeconds(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/institution")).StatusCode);
            await Task.Delay(1000);
        }
        await Task.Delay(ShortLifetimeFixture.Lifetime - started.Elapsed + TimeSpan.FromSeconds(1));

        var after = await browser.Client.GetAsync("/institution");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.ToString());
    }
}
