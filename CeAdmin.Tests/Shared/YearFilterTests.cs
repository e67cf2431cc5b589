using Bunit;
using CeAdmin.App.Features.Approvals;
using CeAdmin.App.Features.Plans;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CeAdmin.Tests.Shared;

/// <summary>Every 年度 filter starts at the current year, as the manual's screens show, and 清空 returns to it.</summary>
public sealed class YearFilterTests : MudTestContext
{
    private static int ThisYear => ChinaTime.Today(TimeProvider.System).Year;

    [Fact]
    public void The_plan_filter_starts_at_the_current_year_and_clearing_returns_to_it()
    {
        var searched = new List<PlanFilter>();
        var bar = Render<PlanFilterBar>(p => p.Add(x => x.OnSearch, EventCallback.Factory.Create<PlanFilter>(this, searched.Add)));

        bar.Find("#search").Click();
        bar.Find("#clear").Click();

        Assert.Equal([ThisYear, ThisYear], searched.Select(f => f.Year));
    }

    [Fact]
    public void The_review_filter_starts_at_the_current_year_and_clearing_returns_to_it()
    {
        var searched = new List<ReviewQueueFilter>();
        var bar = Render<ReviewQueueFilterBar>(p => p.Add(x => x.OnSearch, EventCallback.Factory.Create<ReviewQueueFilter>(this, searched.Add)));

        bar.Find("#search").Click();
        bar.Find("#clear").Click();

        Assert.Equal([ThisYear, ThisYear], searched.Select(f => f.Year));
    }
}
