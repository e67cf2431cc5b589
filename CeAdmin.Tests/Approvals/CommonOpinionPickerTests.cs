using Bunit;
using CeAdmin.App.Features.Approvals;
using CeAdmin.Domain.Approvals;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CeAdmin.Tests.Approvals;

/// <summary>
/// ReviewPanel's 常用意见: the reviewing unit's opinions of the chosen 审核结果 only; a picked one fills the opinion,
/// which stays editable, and a rejection still needs one.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CommonOpinionPickerTests : MudTestContext
{
    private readonly List<ReviewSubmission> _submitted = [];
    private TestApp _app = null!;
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        var chain = await new AuthorityScenario(_app).ProvinceAndCityAsync();
        var opinions = _app.As<CommonOpinionService>(chain.City);
        await opinions.SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.Approve, Text = "同意。材料齐全。" });
        await opinions.SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.RejectAndReturn, Text = "附件不全，请补充后重新送审。" });
        await opinions.SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.RejectAndReturn, Text = "填报信息与附件不一致。" });
        await _app.As<CommonOpinionService>(chain.Province).SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.RejectAndReturn, Text = "省厅的意见" });
        Services.AddSingleton(opinions);
        _popovers = Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _app.DisposeAsync();
    }

    [Fact]
    public void A_picked_opinion_of_the_chosen_decision_fills_the_opinion_and_can_be_edited()
    {
        var panel = Render<ReviewPanel>(p => p.Add(x => x.OnReview, EventCallback.Factory.Create<ReviewSubmission>(this, s => _submitted.Add(s))));
        // Before a decision there is nothing to pick from.
        panel.WaitForAssertion(() => Assert.True(panel.Find(".opinion-picker button").HasAttribute("disabled")));

        panel.FindAll("input[type=radio]")[2].Click();
        panel.Find(".opinion-picker button").Click();
        panel.WaitForAssertion(() => Assert.Equal(["附件不全，请补充后重新送审。", "填报信息与附件不一致。"], Choices()));

        FindAllInPopovers(".opinion-choice")[1].Click();
        panel.WaitForAssertion(() => Assert.Equal("填报信息与附件不一致。", panel.Find("textarea").GetAttribute("value")));
        panel.Find("textarea").Input("填报信息与附件不一致：培训天数有误。");
        panel.Find("button.review-submit").Click();

        panel.WaitForAssertion(() => Assert.Equal([new ReviewSubmission(ReviewDecision.RejectAndReturn, "填报信息与附件不一致：培训天数有误。")], _submitted));
    }

    [Fact]
    public void A_picked_opinion_emptied_again_still_stops_a_rejection()
    {
        var panel = Render<ReviewPanel>(p => p.Add(x => x.OnReview, EventCallback.Factory.Create<ReviewSubmission>(this, s => _submitted.Add(s))));
        panel.FindAll("input[type=radio]")[2].Click();
        panel.WaitForAssertion(() => Assert.False(panel.Find(".opinion-picker button").HasAttribute("disabled")));
        panel.Find(".opinion-picker button").Click();
        panel.WaitForAssertion(() => Assert.NotEmpty(Choices()));
        FindAllInPopovers(".opinion-choice")[0].Click();
        panel.Find("textarea").Input(" ");
        panel.Find("button.review-submit").Click();

        panel.WaitForAssertion(() => Assert.Contains("请填写审核意见（不同意并退案时必填）", panel.Markup));
        Assert.Empty(_submitted);
    }

    private IReadOnlyList<AngleSharp.Dom.IElement> FindAllInPopovers(string selector) => _popovers.FindAll(selector);

    private List<string> Choices() => [.. FindAllInPopovers(".opinion-choice").Select(e => e.TextContent.Trim())];
}
