using CeAdmin.App;
using CeAdmin.Domain.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Security;

/// <summary>The session records on a real database, on the test clock.</summary>
public sealed class SessionServiceTests() : IntegrationTest(demo: true)
{
    private string _userId = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = App.Db();
        _userId = await db.Users.Where(u => u.UserName == "gz_edu").Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_session_lasts_the_default_eight_hours_and_not_a_minute_more()
    {
        var lifetime = TimeSpan.FromHours(new SecurityOptions().AbsoluteSessionHours);
        Assert.Equal(TimeSpan.FromHours(8), lifetime);
        var sessions = App.Get<SessionService>();
        var token = await sessions.StartAsync(_userId, lifetime);
        Assert.True(await sessions.IsActiveAsync(token, _userId));
        Assert.False(await sessions.IsActiveAsync(token, "someone-else"));
        Assert.False(await sessions.IsActiveAsync("not-a-token", _userId));

        App.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.True(await sessions.IsActiveAsync(token, _userId));
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await sessions.IsActiveAsync(token, _userId));
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored_and_ending_is_recorded()
    {
        var sessions = App.Get<SessionService>();
        var mine = await sessions.StartAsync(_userId, TimeSpan.FromHours(8));
        var other = await sessions.StartAsync(_userId, TimeSpan.FromHours(8));
        var third = await sessions.StartAsync(_userId, TimeSpan.FromHours(8));
        await using (var db = App.Db())
            Assert.DoesNotContain(await db.SignInSessions.Select(s => s.Id).ToListAsync(), id => id == mine || id == other);

        await sessions.EndAsync(third, SessionEndReason.SignedOut);
        Assert.Equal(1, await sessions.EndAllAsync(_userId, SessionEndReason.CredentialsChanged, exceptToken: mine));
        Assert.True(await sessions.IsActiveAsync(mine, _userId));
        Assert.False(await sessions.IsActiveAsync(other, _userId));

        await using var check = App.Db();
        var reasons = await check.SignInSessions.Where(s => s.UserId == _userId).Select(s => s.EndReason).ToListAsync();
        Assert.Equal([null, SessionEndReason.SignedOut, SessionEndReason.CredentialsChanged], reasons.OrderBy(r => r.HasValue).ThenBy(r => r).ToList());
    }
}
