using Bunit;
using CeAdmin.App.Features.Approvals;
using CeAdmin.Domain;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.Tests.Approvals;

/// <summary>ReviewPanel (审核结果): the opinion is required for both rejections; the page gets the decision through its callback.</summary>
public sealed class ReviewPanelTests : BunitContext, IAsyncLifetime
{
    private readonly List<ReviewSubmission> _submitted = [];

    public ReviewPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The panel's 常用意见 asks the caller's unit; here nobody is signed in, so it offers none.
        Services.AddCeAdminDomain(new DatabaseOptions());
        Services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(null));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void Approval_needs_no_opinion()
    {
        var panel = RenderPanel();
        Choose(panel, ReviewDecision.Approve);
        Submit(panel);

        panel.WaitForAssertion(() => Assert.Equal([new ReviewSubmission(ReviewDecision.Approve, null)], _submitted));
    }

    [Theory]
    [InlineData(ReviewDecision.RejectAndClose, "不同意并结案")]
    [InlineData(ReviewDecision.RejectAndReturn, "不同意并退案")]
    public void A_rejection_without_an_opinion_is_not_sent(ReviewDecision decision, string label)
    {
        var panel = RenderPanel();
        Choose(panel, decision);
        panel.Find("textarea").Input("   ");
        Submit(panel);

        panel.WaitForAssertion(() => Assert.Contains($"请填写审核意见（{label}时必填）", panel.Markup));
        Assert.Empty(_submitted);

        panel.Find("textarea").Input("  材料不全，请补充  ");
        Submit(panel);
        panel.WaitForAssertion(() => Assert.Equal([new ReviewSubmission(decision, "材料不全，请补充")], _submitted));
    }

    [Fact]
    public void Nothing_is_sent_before_a_decision_is_chosen()
    {
        var panel = RenderPanel();
        panel.Find("textarea").Input("同意");
        Submit(panel);

        panel.WaitForAssertion(() => Assert.Contains("请选择审核结果", panel.Markup));
        Assert.Empty(_submitted);
    }

    [Fact]
    public void The_three_decisions_of_the_manual_are_offered_and_the_button_text_is_the_pages()
    {
        var panel = RenderPanel("批量审核");
        Assert.Equal(["同意", "不同意并结案", "不同意并退案"], panel.FindAll(".mud-radio").Select(r => r.TextContent.Trim()));
        Assert.Equal("批量审核", panel.Find("button.review-submit").TextContent.Trim());
    }

    private IRenderedComponent<ReviewPanel> RenderPanel(string buttonText = "审核") =>
        Render<ReviewPanel>(p => p
            .Add(x => x.ButtonText, buttonText)
            .Add(x => x.OnReview, EventCallback.Factory.Create<ReviewSubmission>(this, s => _submitted.Add(s))));

    private static void Choose(IRenderedComponent<ReviewPanel> panel, ReviewDecision decision)
    {
        var index = Array.IndexOf(Enum.GetValues<ReviewDecision>(), decision);
        panel.FindAll("input[type=radio]")[index].Click();
    }

    private static void Submit(IRenderedComponent<ReviewPanel> panel) => panel.Find("button.review-submit").Click();
}
