using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Plans;
using CeAdmin.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// Access to personal data, on the demo data: a record or teacher opened with the full 公民身份号码, a class
/// whose owner sees its teachers' numbers, attachments downloaded and previewed, an import with its file and
/// counts — each audited with its result, a refusal (outside the scope) too; masked views are not.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataEventTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Opening_a_record_is_audited_and_so_is_a_refusal_outside_the_scope()
    {
        long inside, outside;
        await using (var db = _app.Db())
        {
            inside = await db.CeRecords.Where(r => r.RegionCode == "440106").Select(r => r.Id).FirstAsync();
            outside = await db.CeRecords.Where(r => r.RegionCode.StartsWith("4401") && r.RegionCode != "440106").Select(r => r.Id).FirstAsync();
        }
        var county = await _app.DemoActorAsync("th_edu");
        var records = _app.As<CeRecordService>(county);
        var last = await _app.LastIdAsync();

        var detail = await records.GetAsync(inside);
        await Assert.ThrowsAsync<ScopeException>(() => records.GetAsync(outside));

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([(AuditEvent.PersonalDataViewed, AuditResult.Succeeded, $"CeRecord#{inside}"), (AuditEvent.PersonalDataViewed, AuditResult.Refused, $"CeRecord#{outside}")],
            events.Select(AuditTrail.Summary));
        Assert.Equal(("th_edu", "广州市天河区教育局", county.UnitId), (events[0].UserName, events[0].UnitName, events[0].UnitId));
        Assert.Contains(detail.PersonName, events[0].Changes);
        // The row says who was looked at, never the number itself.
        Assert.All(events, e => Assert.DoesNotContain(detail.IdNumber, e.Changes));
    }

    [Fact]
    public async Task A_teacher_opened_for_editing_and_a_class_seen_by_its_owner_are_audited_a_reviewers_masked_view_is_not()
    {
        var owner = await _app.DemoActorAsync("gz_train");
        int teacherId;
        await using (var db = _app.Db())
            teacherId = await db.Teachers.Where(t => t.OwnerUnitId == owner.UnitId).Select(t => t.Id).FirstAsync();
        var one = (await _app.As<PlanQueryService>(await _app.DemoActorAsync("gz_edu")).ClassesAsync(new ClassFilter(), new PageRequest(0, 50)))
            .Items.First(c => c.OwnerName == "广州市专业技术人员继续教育培训中心");
        var last = await _app.LastIdAsync();

        await _app.As<TeacherService>(owner).GetForEditAsync(teacherId);
        await Assert.ThrowsAnyAsync<DomainException>(async () => await _app.As<TeacherService>(await _app.DemoActorAsync("gz_corp")).GetForEditAsync(teacherId));
        await _app.As<ClassService>(owner).GetAsync(one.PlanId, one.Id);
        await _app.As<ClassService>(await _app.DemoActorAsync("gz_edu")).GetAsync(one.PlanId, one.Id);

        Assert.Equal(
        [
            (AuditEvent.PersonalDataViewed, AuditResult.Succeeded, $"Teacher#{teacherId}"),
            (AuditEvent.PersonalDataViewed, AuditResult.Refused, $"Teacher#{teacherId}"),
            (AuditEvent.PersonalDataViewed, AuditResult.Succeeded, $"TrainingClass#{one.Id}"),
        ], (await _app.EventsAfterAsync(last)).Select(AuditTrail.Summary));
    }

    [Fact]
    public async Task Attachments_downloaded_and_previewed_are_audited_and_a_refusal_too()
    {
        var owner = await _app.DemoActorAsync("gz_train");
        var (planId, _) = await PlanTestData.SubmittedPlanAsync(_app, owner, await PlanTestData.CourseAsync(_app, 2026));
        var attachmentId = Assert.Single(await _app.As<AttachmentService>(owner).ListAsync(PlanService.OwnerType, planId)).Id;
        var last = await _app.LastIdAsync();

        var reviewer = _app.As<AttachmentService>(await _app.DemoActorAsync("gz_edu"));
        await reviewer.DownloadAsync(attachmentId, preview: false);
        await reviewer.DownloadAsync(attachmentId, preview: true);
        await Assert.ThrowsAsync<ScopeException>(async () => await _app.As<AttachmentService>(await _app.DemoActorAsync("fs_edu")).DownloadAsync(attachmentId));

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal(
        [
            (AuditEvent.AttachmentDownloaded, AuditResult.Succeeded, $"Attachment#{attachmentId}"),
            (AuditEvent.AttachmentPreviewed, AuditResult.Succeeded, $"Attachment#{attachmentId}"),
            (AuditEvent.AttachmentDownloaded, AuditResult.Refused, $"Attachment#{attachmentId}"),
        ], events.Select(AuditTrail.Summary));
        Assert.Contains("培训方案.pdf", events[0].Changes);
        Assert.Equal("fs_edu", events[2].UserName);
    }

    [Fact]
    public async Task An_import_is_audited_with_its_file_and_counts_and_a_refused_file_too()
    {
        var authority = _app.As<RecordImportService>(await _app.DemoActorAsync("gz_edu"));
        var last = await _app.LastIdAsync();
        var rows = new[] { ImportRows.Row(ImportRows.Id("440106", 501)), ImportRows.Row(ImportRows.Id("440106", 502)), ImportRows.Row("440106000000000000") };
        var result = await authority.ImportAsync(ImportRows.Workbook(rows), new RecordImportOptions(FileName: "天河区2025年记录.xlsx"));
        Assert.Equal((3, 2), (result.RowsRead, result.Imported));
        await Assert.ThrowsAsync<DomainException>(() => authority.ImportAsync(new MemoryStream("姓名,性别\n张三,男"u8.ToArray()), new RecordImportOptions(FileName: "错误文件.csv")));

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([(AuditEvent.Imported, AuditResult.Succeeded, "天河区2025年记录.xlsx"), (AuditEvent.Imported, AuditResult.Refused, "错误文件.csv")],
            events.Select(AuditTrail.Summary));
        Assert.Contains("\"RowsRead\":3", events[0].Changes);
        Assert.Contains("\"Imported\":2", events[0].Changes);
        Assert.Contains("\"Rejected\":1", events[0].Changes);
        Assert.Equal(("gz_edu", "广州市教育局"), (events[0].UserName, events[0].UnitName));
        // The imported records' rows and the import's own row are one chain, unbroken.
        Assert.True((await _app.VerifyAsync()).Intact);
    }
}
