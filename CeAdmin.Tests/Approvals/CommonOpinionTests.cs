using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Approvals;

/// <summary>常用审核意见: each reviewing unit keeps and sees only its own; the form's rules hold in the service.</summary>
public sealed class CommonOpinionTests : ApprovedChainTest
{
    [Fact]
    public async Task Each_reviewing_unit_keeps_and_sees_only_its_own()
    {
        var city = Opinions(Chain.City);
        var cityReturn = await city.SaveAsync(null, Form(ReviewDecision.RejectAndReturn, "  附件不全，请补充后重新送审。  "));
        await city.SaveAsync(null, Form(ReviewDecision.Approve, "同意。"));
        await Opinions(Chain.Province).SaveAsync(null, Form(ReviewDecision.Approve, "省厅同意。"));
        await Opinions(Chain.Hrss).SaveAsync(null, Form(ReviewDecision.RejectAndClose, "不属于人社部门审核范围。"));

        Assert.Equal([(ReviewDecision.Approve, "同意。"), (ReviewDecision.RejectAndReturn, "附件不全，请补充后重新送审。")],
            (await city.ListAsync()).Select(o => (o.Decision, o.Text)));
        Assert.Equal(["附件不全，请补充后重新送审。"], (await city.ListAsync(ReviewDecision.RejectAndReturn)).Select(o => o.Text));
        Assert.Equal(["省厅同意。"], (await Opinions(Chain.Province).ListAsync()).Select(o => o.Text));
        Assert.Equal(["不属于人社部门审核范围。"], (await Opinions(Chain.Hrss).ListAsync()).Select(o => o.Text));

        // Another unit cannot change or delete them by id.
        await Assert.ThrowsAsync<ScopeException>(() => Opinions(Chain.Province).SaveAsync(cityReturn, Form(ReviewDecision.RejectAndReturn, "改掉")));
        await Assert.ThrowsAsync<ScopeException>(() => Opinions(Chain.Hrss).DeleteAsync(cityReturn));
        Assert.Equal("附件不全，请补充后重新送审。", (await city.ListAsync(ReviewDecision.RejectAndReturn)).Single().Text);

        await city.SaveAsync(cityReturn, Form(ReviewDecision.RejectAndClose, "材料虚假，不予受理。"));
        Assert.Equal([(ReviewDecision.Approve, "同意。"), (ReviewDecision.RejectAndClose, "材料虚假，不予受理。")], (await city.ListAsync()).Select(o => (o.Decision, o.Text)));
        await city.DeleteAsync(cityReturn);
        Assert.Equal(["同意。"], (await city.ListAsync()).Select(o => o.Text));
    }

    [Theory]
    [InlineData(ReviewDecision.RejectAndReturn, "   ", "Text", "请填写意见内容")]
    [InlineData(ReviewDecision.RejectAndReturn, null, "Text", "请填写意见内容")]
    [InlineData(ReviewDecision.RejectAndReturn, "请补充\u0007材料", "Text", "不能包含控制字符或文字方向控制符（如 U+0007、U+202E），请删除后重新输入")]
    [InlineData(ReviewDecision.RejectAndReturn, "请补充\u202E材料", "Text", "不能包含控制字符或文字方向控制符（如 U+0007、U+202E），请删除后重新输入")]
    [InlineData(null, "同意", "Decision", "请选择审核结果")]
    public async Task Invalid_input_is_refused_at_its_field_and_nothing_is_written(ReviewDecision? decision, string? text, string field, string message)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Opinions(Chain.City).SaveAsync(null, new CommonOpinionForm { Decision = decision, Text = text }));

        Assert.Equal([message], refused.Errors[field]);
        await using var db = App.Db();
        Assert.Equal(0, await db.CommonOpinions.CountAsync());
    }

    [Fact]
    public async Task A_text_is_at_most_200_characters_and_once_per_decision()
    {
        var city = Opinions(Chain.City);
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => city.SaveAsync(null, Form(ReviewDecision.Approve, new string('同', 201))));
        Assert.Equal(["意见内容不能超过200个字"], tooLong.Errors["Text"]);
        await city.SaveAsync(null, Form(ReviewDecision.Approve, new string('同', 200)));

        await city.SaveAsync(null, Form(ReviewDecision.Approve, "同意。"));
        var twice = await Assert.ThrowsAsync<ValidationFailedException>(() => city.SaveAsync(null, Form(ReviewDecision.Approve, " 同意。")));
        Assert.Equal(["已有相同的常用审核意见"], twice.Errors["Text"]);
        // The same text under another decision is another opinion.
        await city.SaveAsync(null, Form(ReviewDecision.RejectAndClose, "同意。"));
        Assert.Equal(3, (await city.ListAsync()).Count);
    }

    [Fact]
    public async Task A_decision_keeps_at_most_twenty()
    {
        var city = Opinions(Chain.City);
        for (var i = 1; i <= CommonOpinion.MaxPerDecision; i++) await city.SaveAsync(null, Form(ReviewDecision.Approve, $"同意（{i}）"));

        var full = await Assert.ThrowsAsync<ValidationFailedException>(() => city.SaveAsync(null, Form(ReviewDecision.Approve, "同意（21）")));
        Assert.Equal(["每种审核结果最多保存20条常用意见，请先删除不用的"], full.Errors["Text"]);
        // Changing one of the twenty is not adding one.
        await city.SaveAsync((await city.ListAsync()).First().Id, Form(ReviewDecision.Approve, "同意（改）"));
    }

    [Fact]
    public async Task Only_reviewing_units_keep_them()
    {
        var institution = await Scenario.UnitAsync("广州市甲职业培训学院", UnitKind.Institution, "440100");
        var unapproved = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        await Scenario.ApplyAsync(unapproved, AffiliationLevel.County, "440106", Chain.CityId);

        foreach (var caller in new[] { institution, unapproved, institution with { UnitId = 0, UnitName = "", UnitKind = null } })
        {
            await Assert.ThrowsAsync<ScopeException>(() => Opinions(caller).ListAsync());
            await Assert.ThrowsAsync<ScopeException>(() => Opinions(caller).SaveAsync(null, Form(ReviewDecision.Approve, "同意")));
        }
    }

    private CommonOpinionService Opinions(Actor actor) => App.As<CommonOpinionService>(actor);

    private static CommonOpinionForm Form(ReviewDecision decision, string text) => new() { Decision = decision, Text = text };
}
