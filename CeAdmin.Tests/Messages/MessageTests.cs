using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Messages;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Accounts;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Messages;

/// <summary>
/// 站内消息: written with the decision (and the operator invitation) in the same save, read by the unit's operators
/// or by the one account it is addressed to, never by anyone else, by list or by id; read state per account.
/// </summary>
public sealed class MessageTests : ApprovedChainTest
{
    private static readonly PageRequest All = new(PageSize: 100);

    [Fact]
    public async Task A_decision_sends_the_applicant_unit_its_result_and_opinion()
    {
        var county = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        var caseId = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(county, AffiliationLevel.County, "440106", Chain.CityId));

        await App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "请补充统一社会信用代码证");

        var message = Assert.Single((await Messages(county).ListAsync(new MessageFilter(), All)).Items);
        Assert.Equal(MessageTopic.ReviewDecided, message.Topic);
        Assert.Equal("行业主管角色申请“广州市天河区教育局（高等学校教师）”审核结果：不同意并退案", message.Title);
        Assert.Equal("广州市教育局已审核您的行业主管角色申请“广州市天河区教育局（高等学校教师）”，审核结果：不同意并退案。审核意见：请补充统一社会信用代码证。请按审核意见修改后重新送审。",
            message.Body);
        Assert.False(message.Read);
        Assert.Equal((ReviewKind.AuthorityApplication, await AuthorityIdAsync(county.UnitId)), (message.SubjectKind!.Value, message.SubjectId!.Value));
        Assert.Equal(1, await Messages(county).UnreadCountAsync());
        // The reviewer and other units receive nothing of it (their own applications' results are theirs).
        foreach (var other in new[] { Chain.City, Chain.Province, Chain.Hrss })
            Assert.DoesNotContain((await Messages(other).ListAsync(new MessageFilter(), All)).Items, m => m.Id == message.Id || m.Body.Contains("天河区"));
    }

    [Fact]
    public async Task Batch_review_sends_one_message_per_decided_case()
    {
        var tianhe = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        var yuexiu = await Scenario.UnitAsync("广州市越秀区教育局", UnitKind.Authority, "440104");
        var cases = new[]
        {
            await Scenario.CaseIdAsync(await Scenario.ApplyAsync(tianhe, AffiliationLevel.County, "440106", Chain.CityId)),
            await Scenario.CaseIdAsync(await Scenario.ApplyAsync(yuexiu, AffiliationLevel.County, "440104", Chain.CityId)),
        };
        await App.As<ReviewService>(Chain.City).DecideAsync(cases[1], ReviewDecision.Approve, null);

        var result = await App.As<ReviewService>(Chain.City).BatchReviewAsync(cases, ReviewDecision.Approve, "同意。材料齐全。");

        Assert.Equal([true, false], result.Items.Select(i => i.Succeeded));
        // An opinion that ends its own sentence gets no second full stop.
        Assert.Contains("审核意见：同意。材料齐全。", Assert.Single((await Messages(tianhe).ListAsync(new MessageFilter(), All)).Items).Body);
        Assert.DoesNotContain("。。", Assert.Single((await Messages(tianhe).ListAsync(new MessageFilter(), All)).Items).Body);
        // The second case's one message is from its own decision; the refused repeat wrote none.
        Assert.Contains("审核意见：同意。", Assert.Single((await Messages(yuexiu).ListAsync(new MessageFilter(), All)).Items).Body);
    }

    [Fact]
    public async Task A_decision_whose_message_cannot_be_saved_is_not_saved_either()
    {
        var tianhe = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        var caseId = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(tianhe, AffiliationLevel.County, "440106", Chain.CityId));

        await RefuseMessageInsertsAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.Approve, null));

        var stored = await Scenario.CaseAsync(caseId);
        Assert.Equal((ReviewStatus.Submitted, 1), (stored.Status, stored.History.Count));
        await using var db = App.Db();
        Assert.Null(await db.Authorities.Where(a => a.UnitAccountId == tianhe.UnitId).Select(a => a.ApprovedAt).SingleAsync());
    }

    [Fact]
    public async Task A_units_message_is_read_by_each_of_its_operators_and_by_nobody_else()
    {
        var county = await Registration.RegisterAsync(UnitKind.Authority, "广州市天河区教育局", "440106");
        var colleague = await ColleagueAsync(county);
        var caseId = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(county.Operator, AffiliationLevel.County, "440106", Chain.CityId));
        await App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.Approve, null);
        var messageId = Assert.Single((await Messages(county.Operator).ListAsync(new MessageFilter(), All)).Items, m => m.Topic == MessageTopic.ReviewDecided).Id;

        // Read state is each account's own.
        Assert.Equal(1, await UnreadDecisionsAsync(colleague));
        var read = await Messages(county.Operator).MarkReadAsync(messageId);
        Assert.Equal(messageId, read.Id);
        Assert.Equal(0, await UnreadDecisionsAsync(county.Operator));
        Assert.Equal(1, await UnreadDecisionsAsync(colleague));

        // Another unit's operator, the same person without the unit role, and the unit's own login: not by list, not by id.
        var foshan = await Scenario.UnitAsync("佛山市教育局", UnitKind.Authority, "440600");
        foreach (var outsider in new[] { foshan, county.Person, county.UnitLogin })
        {
            if (!outsider.IsUnitLogin)
                Assert.DoesNotContain((await Messages(outsider).ListAsync(new MessageFilter(), All)).Items, m => m.Id == messageId);
            var refused = await Assert.ThrowsAsync<ScopeException>(() => Messages(outsider).MarkReadAsync(messageId));
            Assert.NotEmpty(refused.Message);
        }
        await using var db = App.Db();
        Assert.Equal([county.Operator.UserId], await db.MessageReads.Where(r => r.MessageId == messageId).Select(r => r.UserId).ToListAsync());
    }

    [Fact]
    public async Task An_invitation_is_a_personal_message_of_the_invited_account_only()
    {
        var unit = await Registration.RegisterAsync(UnitKind.Institution, "广州市甲职业培训学院", "440100");
        var person = await Registration.VerifiedPersonAsync();
        var other = await Registration.VerifiedPersonAsync();

        await InviteAsync(unit, person);

        var message = Assert.Single((await Messages(person).ListAsync(new MessageFilter(UnreadOnly: true), All)).Items);
        Assert.Equal((MessageTopic.OperatorInvited, "“广州市甲职业培训学院”申请绑定您为单位经办人"), (message.Topic, message.Title));
        Assert.Contains("我经办的单位账号信息", message.Body);
        Assert.Equal(0, await Messages(other).UnreadCountAsync());
        // Personal: the unit's operators do not read it; another account cannot open it by id.
        Assert.DoesNotContain((await Messages(unit.Operator).ListAsync(new MessageFilter(), All)).Items, m => m.Id == message.Id);
        await Assert.ThrowsAsync<ScopeException>(() => Messages(other).MarkReadAsync(message.Id));
        await Assert.ThrowsAsync<ScopeException>(() => Messages(unit.Operator).MarkReadAsync(message.Id));

        Assert.Equal(1, await Messages(person).MarkAllReadAsync());
        Assert.Equal(0, await Messages(person).UnreadCountAsync());
        Assert.Equal(0, await Messages(person).MarkAllReadAsync());
        Assert.True(Assert.Single((await Messages(person).ListAsync(new MessageFilter(), All)).Items).Read);
    }

    [Fact]
    public async Task An_invitation_whose_message_cannot_be_saved_is_not_saved_either()
    {
        var unit = await Registration.RegisterAsync(UnitKind.Institution, "广州市甲职业培训学院", "440100");
        var person = await Registration.VerifiedPersonAsync();

        await RefuseMessageInsertsAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => InviteAsync(unit, person));

        Assert.Empty(await App.As<PersonalAccountService>(person).MyUnitsAsync());
    }

    [Fact]
    public async Task A_unit_login_reads_no_messages()
    {
        var unit = await Registration.RegisterAsync(UnitKind.Institution, "广州市甲职业培训学院", "440100");
        await Assert.ThrowsAsync<ScopeException>(() => Messages(unit.UnitLogin).UnreadCountAsync());
        await Assert.ThrowsAsync<ScopeException>(() => Messages(unit.UnitLogin).ListAsync(new MessageFilter(), All));
    }

    private SelfRegistration Registration => new(App);

    private MessageService Messages(Actor actor) => App.As<MessageService>(actor);

    private async Task<int> UnreadDecisionsAsync(Actor actor) =>
        (await Messages(actor).ListAsync(new MessageFilter(UnreadOnly: true), All)).Items.Count(m => m.Topic == MessageTopic.ReviewDecided);

    private async Task InviteAsync(RegisteredUnit unit, Actor person)
    {
        await using var db = App.Db();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.UserId);
        await App.As<UnitAccountService>(unit.UnitLogin).InviteOperatorAsync(new OperatorInvitation { LoginName = user.UserName!, RealName = user.RealName!, IdNumber = user.IdNumber! });
    }

    /// <summary>A second operator of the unit: invited, accepted, authorised (1.1.4).</summary>
    private async Task<Actor> ColleagueAsync(RegisteredUnit unit)
    {
        var person = await Registration.VerifiedPersonAsync();
        await InviteAsync(unit, person);
        var invitation = Assert.Single(await App.As<PersonalAccountService>(person).MyUnitsAsync());
        await App.As<PersonalAccountService>(person).AcceptAsync(invitation.OperatorId);
        await App.As<UnitAccountService>(unit.UnitLogin).SetAuthorisedAsync(invitation.OperatorId, true);
        return person with { UnitId = unit.UnitId, UnitName = unit.Operator.UnitName, UnitKind = unit.Operator.UnitKind };
    }

    private async Task<int> AuthorityIdAsync(int unitId)
    {
        await using var db = App.Db();
        return await db.Authorities.Where(a => a.UnitAccountId == unitId).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The database itself refuses the message, as a lost connection or a constraint would.</summary>
    private async Task RefuseMessageInsertsAsync()
    {
        await using var db = App.Db();
        if (App.Database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_message() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END; $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_message BEFORE INSERT ON "Messages" FOR EACH ROW EXECUTE FUNCTION refuse_message();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_message BEFORE INSERT ON Messages BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        }
    }
}
