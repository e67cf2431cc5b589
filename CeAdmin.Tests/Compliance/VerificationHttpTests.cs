using System.Net;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Compliance;

/// <summary>The public verification page over HTTP: no sign-in, an unknown token says so, every opening audited, limited per address.</summary>
public sealed class VerificationHttpTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new AppServer(new Dictionary<string, string?>
        {
            ["Throttle:CertificateCheck:PerAddress"] = "3",
            ["Throttle:CertificateCheck:WindowSeconds"] = "600",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Openings_beyond_the_limit_are_refused_with_429_and_each_opening_is_recorded()
    {
        using var visitor = new HttpSession(_server); // never signs in
        var statuses = new List<HttpStatusCode>();
        HttpSession.Page? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var page = await visitor.GetAsync($"/verify/guessed-token-{i}");
            statuses.Add(page.Status);
            if (page.Status == HttpStatusCode.TooManyRequests) refused ??= page;
            else Assert.True(page.Html.Contains("未找到该学时证明"), page.Html[^Math.Min(3000, page.Html.Length)..]);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("操作过于频繁", refused!.Html);

        await using var db = _server.Services.GetRequiredService<AppDbContextOptions>().Create();
        Assert.Equal(3, await db.CertificateVerifications.CountAsync(v => v.Outcome == "不存在"));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Entity == "CertificateVerification"));
    }
}
