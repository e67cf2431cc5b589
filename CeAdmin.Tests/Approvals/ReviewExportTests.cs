using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using MiniExcelLibs;

namespace CeAdmin.Tests.Approvals;

/// <summary>导出Excel of the review grids and 1.7.4: the whole filtered result, the grid's headers, only the caller's scope.</summary>
public sealed class ReviewExportTests() : IntegrationTest(demo: true)
{
    private static List<IDictionary<string, object>> Read(MemoryStream stream)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task Review_queue_export_holds_every_row_of_the_filter_and_only_the_callers_cases()
    {
        var city = App.As<ReviewService>(await App.DemoActorAsync("gz_edu"));
        var page = await city.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new(PageSize: 1));
        using var stream = new MemoryStream();
        await city.ExportQueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), AuthorityReviewRow.ExportColumns, "审核", stream, null);
        var rows = Read(stream);
        Assert.Equal(page.Total, rows.Count);
        Assert.Equal(["单位名称", "单位代码", "联系人", "联系电话", "审核部门", "审核环节", "审核状态"], rows[0].Keys.ToArray());
        Assert.All(rows, r => Assert.Equal("广州市教育局", r["审核部门"]));

        using var pending = new MemoryStream();
        await city.ExportQueueAsync(new QualificationReviewQueue(), new ReviewQueueFilter(Status: ReviewStatus.Submitted), QualificationReviewRow.ExportColumns, "资格", pending, null);
        Assert.All(Read(pending), r => Assert.Equal("待审核", r["审核状态"]));
    }

    [Fact]
    public async Task Subordinate_export_is_scoped_to_the_callers_region()
    {
        var city = App.As<AuthorityService>(await App.DemoActorAsync("gz_edu"));
        using var stream = new MemoryStream();
        await city.ExportSubordinatesAsync(new AuthoritySearchFilter(), stream, null);
        var rows = Read(stream);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("广州市", (string)r["所属行政区域"]));
    }

    [Fact]
    public async Task Plan_grids_export_their_whole_filtered_result_within_scope()
    {
        var city = await App.DemoActorAsync("gz_edu");
        var queries = App.As<CeAdmin.Domain.Plans.PlanQueryService>(city);
        var plans = await queries.PlansAsync(new(), new(PageSize: 1));
        using var planFile = new MemoryStream();
        await queries.ExportPlansAsync(new(), planFile, null);
        Assert.Equal(plans.Total, Read(planFile).Count);

        var classes = await queries.ClassesAsync(new(), new(PageSize: 1));
        using var classFile = new MemoryStream();
        await queries.ExportClassesAsync(new(), classFile, null);
        var classRows = Read(classFile);
        Assert.Equal(classes.Total, classRows.Count);
        Assert.Equal(["施教机构名称", "培训班名称", "班主任", "计划开班日期", "培训班计划人数", "培训天数"], classRows[0].Keys.ToArray());

        using var otherCity = new MemoryStream();
        await App.As<CeAdmin.Domain.Plans.PlanQueryService>(await App.DemoActorAsync("fs_edu")).ExportClassesAsync(new(), otherCity, null);
        Assert.Empty(Read(otherCity));

        var reviews = App.As<ReviewService>(city);
        var queue = new CeAdmin.Domain.Plans.PlanReviewQueue(new());
        var page = await reviews.QueueAsync(queue, new ReviewQueueFilter(), new(PageSize: 1));
        using var reviewFile = new MemoryStream();
        await reviews.ExportQueueAsync(queue, new ReviewQueueFilter(), CeAdmin.Domain.Plans.PlanReviewRow.ExportColumns, "审核", reviewFile, null);
        Assert.Equal(page.Total, Read(reviewFile).Count);
    }
}
