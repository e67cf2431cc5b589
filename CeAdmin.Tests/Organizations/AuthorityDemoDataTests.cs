using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>The README's demo accounts find this feature's pages populated, with cases in every state.</summary>
public sealed class AuthorityDemoDataTests() : IntegrationTest(demo: true)
{
    [Theory]
    [InlineData("gz_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Closed, ReviewStatus.Returned })]
    [InlineData("gd_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved })]
    [InlineData("hrss_reviewer", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Returned })]
    public async Task Each_reviewer_has_cases_in_several_states(string reviewer, ReviewStatus[] states)
    {
        var queue = await App.As<ReviewService>(await App.DemoActorAsync(reviewer))
            .QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest(PageSize: 50));
        Assert.Equal(states.Order(), queue.Items.Select(r => r.Status).Distinct().Order());
    }

    [Fact]
    public async Task Every_application_has_its_certificate_and_a_history_that_matches_its_state()
    {
        await using var db = App.Db();
        var cases = await db.ReviewCases.Include(c => c.History).Where(c => c.Kind == ReviewKind.AuthorityApplication).ToListAsync();
        Assert.True(cases.Count >= 12);
        foreach (var c in cases)
        {
            Assert.Equal(c.Status == ReviewStatus.Submitted ? 1 : 2, c.History.Count);
            Assert.True(await db.Attachments.AnyAsync(a => a.OwnerType == AuthorityApplication.AttachmentOwnerType && a.OwnerId == c.SubjectId
                && a.Category == AuthorityApplication.RequiredMaterial));
        }

        var attachment = await db.Attachments.FirstAsync(a => a.FileType == ".pdf");
        var file = await App.As<AttachmentService>(await App.DemoActorAsync("hrss_reviewer")).DownloadAsync(attachment.Id);
        Assert.Equal(("application/pdf", true), (file.ContentType, file.CanPreview));
    }

    [Fact]
    public async Task The_county_without_an_application_can_start_one_and_the_city_is_offered_as_parent()
    {
        var liwan = await App.DemoActorAsync("lw_edu");
        var service = App.As<AuthorityApplicationService>(liwan);
        var view = await service.GetMineAsync();
        Assert.Null(view.CaseId);
        var parents = await service.ParentOptionsAsync(AffiliationLevel.County, "440103", 1);
        Assert.Equal(["广州市教育局"], parents.Select(p => p.Name));
        Assert.Equal(["广州市天河区教育局", "广州市黄埔区教育局"],
            (await App.As<AuthorityService>(await App.DemoActorAsync("gz_edu")).SubordinatesAsync(new AuthoritySearchFilter(), new PageRequest(SortBy: "Name")))
            .Items.Select(r => r.Name).Order(StringComparer.Ordinal));
    }
}
