using CeAdmin.Demo;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Inbox;

/// <summary>
/// Arranging the browser tests' rows on a running app's database through the domain services, as a second app
/// instance would: its own process-wide notifier, so the app under test hears of nothing done here.
/// </summary>
internal sealed class InboxData(AppServer server) : IAsyncDisposable
{
    public TestApp App { get; } = TestApp.On(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = server.ConnectionString });

    /// <summary>A plan of gz_train (广州市专业技术人员继续教育培训中心) submitted to 广州市教育局.</summary>
    public async Task<(int PlanId, int CaseId)> PendingPlanAsync(string name) =>
        await PlanTestData.SubmittedPlanAsync(App, await App.DemoActorAsync("gz_train"), await PlanTestData.CourseAsync(App, 2026), name);

    /// <summary>A second verified, authorised operator of the unit <paramref name="ofLogin"/> operates, with the demo password.</summary>
    public async Task AddColleagueAsync(string ofLogin, string login, string realName, string password)
    {
        await using var db = App.Db();
        var unitId = await db.UnitOperators.Where(o => o.User!.UserName == ofLogin).Select(o => o.UnitAccountId).FirstAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var user = PersonalAccountService.NewUser(login, AccountKind.Personal, App.Clock);
        user.RealName = realName;
        user.IdNumber = DemoIds.IdNumber("440104", new DateOnly(1986, 6, 6), 707);
        user.VerificationLevel = VerificationLevel.Level2;
        user.VerifiedAt = now;
        user.PhoneNumber = "13800007070";
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
        db.Users.Add(user);
        db.UnitOperators.Add(new UnitOperator
        {
            UnitAccountId = unitId, UserId = user.Id, Status = OperatorStatus.Accepted, Authorised = true, InvitedAt = now, AcceptedAt = now, AuthorisedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
