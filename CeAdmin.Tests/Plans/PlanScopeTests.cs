using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Plans;

/// <summary>A plan's 附件材料 are refused outside its scope; the demo's plans come in every state (1.7.2 and 1.7.3: <see cref="PlanQueryScopeTests"/>).</summary>
public sealed class PlanScopeTests() : IntegrationTest(demo: true)
{
    private static readonly PageRequest All = new(PageSize: 100);

    [Fact]
    public async Task A_plans_attachments_are_refused_outside_its_scope()
    {
        var owner = await App.DemoActorAsync("gz_train");
        var (planId, _) = await PlanTestData.SubmittedPlanAsync(App, owner, await PlanTestData.CourseAsync(App, 2026));
        var attachmentId = Assert.Single(await App.As<AttachmentService>(owner).ListAsync(PlanService.OwnerType, planId)).Id;

        var reviewer = App.As<AttachmentService>(await App.DemoActorAsync("gz_edu"));
        Assert.Equal("培训方案.pdf", (await reviewer.DownloadAsync(attachmentId)).FileName);
        await Assert.ThrowsAsync<ScopeException>(() => reviewer.DeleteAsync(attachmentId));
        foreach (var login in new[] { "fs_edu", "th_edu", "gpnu_ce" })
        {
            var other = App.As<AttachmentService>(await App.DemoActorAsync(login));
            await Assert.ThrowsAsync<ScopeException>(() => other.ListAsync(PlanService.OwnerType, planId));
            await Assert.ThrowsAsync<ScopeException>(() => other.DownloadAsync(attachmentId));
            await Assert.ThrowsAsync<ScopeException>(() => other.UploadAsync(PlanService.OwnerType, planId, "", "x.pdf", SampleFiles.Pdf()));
        }
        var afterSubmit = await Assert.ThrowsAsync<DomainException>(() =>
            App.As<AttachmentService>(owner).UploadAsync(PlanService.OwnerType, planId, "", "补充.pdf", SampleFiles.Pdf()));
        Assert.Contains("送审后不能再修改", afterSubmit.Message);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AttachmentService>(owner).ListAsync(PlanService.OwnerType, 999_999));
    }

    [Theory]
    [InlineData("gz_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Closed, ReviewStatus.Returned })]
    [InlineData("gd_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved })]
    [InlineData("th_edu", new[] { ReviewStatus.Submitted })]
    [InlineData("hrss_reviewer", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Returned })]
    public async Task Demo_reviewers_find_plans_in_several_states(string reviewer, ReviewStatus[] states)
    {
        var queue = await App.As<ReviewService>(await App.DemoActorAsync(reviewer)).QueueAsync(new PlanReviewQueue(new PlanFilter()), new ReviewQueueFilter(), All);
        Assert.Equal(states.Order(), queue.Items.Select(r => r.Status).Distinct().Order());
    }

    [Fact]
    public async Task Demo_plans_have_classes_teachers_subjects_and_attachments_and_the_filer_sees_every_state()
    {
        var mine = await App.As<PlanService>(await App.DemoActorAsync("gz_train")).MyPlansAsync(new PlanFilter(), All);
        Assert.Equal(Enum.GetValues<ReviewStatus>().Order(), mine.Items.Select(p => p.Status).Distinct().Order());
        await using var db = App.Db();
        Assert.False(await db.TrainingPlans.AnyAsync(p => !p.Classes.Any() || p.Classes.Any(c => !c.Instructors.Any() || !c.Subjects.Any() || c.HeadTeacherId == null)));
        var submitted = await db.ReviewCases.Where(c => c.Kind == ReviewKind.TrainingPlan && c.Status != ReviewStatus.Draft).Select(c => c.SubjectId).ToListAsync();
        Assert.All(submitted, id => Assert.True(db.Attachments.Any(a => a.OwnerType == PlanService.OwnerType && a.OwnerId == id)));
        // The 2018 catalog shows the manual's 6 学时 rule in the picker.
        var picker = App.As<PublishedCourses>(await App.DemoActorAsync("gz_train"));
        Assert.Equal(3, (await picker.SearchAsync(new PublishedCourseFilter(Year: 2018), All)).Total);
    }
}
