using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Plans;
using CeAdmin.Tests.Records;
using Microsoft.EntityFrameworkCore;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Tests.Security;

/// <summary>
/// Text with control or bidi-override characters is refused on the server, whichever way it comes:
/// a review opinion (a plain string, no form), forms with validators, and a write with no validator at all.
/// </summary>
public sealed class ControlCharacterTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task A_review_opinion_with_an_override_and_a_bell_is_refused_and_the_case_stays_pending()
    {
        var reviewer = await App.DemoActorAsync("gz_edu");
        int caseId;
        await using (var db = App.Db())
            caseId = await db.ReviewCases.Where(c => c.ReviewingUnitId == reviewer.UnitId && c.Status == ReviewStatus.Submitted).Select(c => c.Id).FirstAsync();
        var before = await CaseAsync(caseId);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.As<ReviewService>(reviewer).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "材料不全\u202E请补充\u0007"));
        Assert.Contains(TextSafety.Message, refused.Message);

        var after = await CaseAsync(caseId);
        Assert.Equal((ReviewStatus.Submitted, before.LastOpinion, before.History.Count), (after.Status, after.LastOpinion, after.History.Count));
        await using (var db = App.Db())
            Assert.False(await db.ApprovalHistories.AnyAsync(h => h.Opinion != null && h.Opinion.Contains("\u202E")));

        // A multi-line opinion is fine.
        await App.As<ReviewService>(reviewer).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "材料不全：\n1. 缺少证明\n2. 请补充");
        Assert.Equal(ReviewStatus.Returned, (await CaseAsync(caseId)).Status);
    }

    private async Task<ReviewCase> CaseAsync(int caseId)
    {
        await using var db = App.Db();
        return await db.ReviewCases.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == caseId);
    }

    [Fact]
    public async Task Forms_refuse_it_at_the_field_and_write_nothing()
    {
        var institution = await App.DemoActorAsync("gz_train");
        var teachers = App.As<TeacherService>(institution);
        var teacher = PlanTestData.Teacher("李四", 5);
        teacher.Courses = "课程思政\u202E建设";
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => teachers.CreateAsync(teacher));
        Assert.Equal([TextSafety.Message], refused.Errors[nameof(TeacherForm.Courses)]);

        var plan = PlanTestData.Form(await PlanTestData.CourseAsync(App, 2026), "2026年计划\u2067甲");
        plan.Content = "内容\u0008";
        refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.As<PlanService>(institution).SaveAsync(null, plan));
        Assert.Equal(["Content", "Name"], refused.Errors.Where(e => e.Value.Contains(TextSafety.Message)).Select(e => e.Key).Order().ToArray());

        await using var db = App.Db();
        Assert.False(await db.Teachers.AnyAsync(t => t.Courses.Contains("\u202E")));
        Assert.False(await db.TrainingPlans.AnyAsync(p => p.Name.Contains("\u2067")));
    }

    [Fact]
    public async Task An_imported_row_with_such_text_is_rejected_with_its_column_and_the_others_are_imported()
    {
        var file = ImportRows.Workbook([ImportRows.Row(ImportRows.Id("440106", 201), unit: "华南\u202E师范大学"), ImportRows.Row(ImportRows.Id("440106", 202))]);

        var result = await App.As<RecordImportService>(await App.DemoActorAsync("gz_edu")).ImportAsync(file);
        Assert.Equal((2, 1), (result.RowsRead, result.Imported));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, T.WorkUnit), (problem.Row, problem.Column));
        Assert.Contains(TextSafety.Message, problem.Reason);
    }

    [Fact]
    public async Task A_write_without_any_validator_is_stopped_by_the_save_guard()
    {
        await using var db = App.Db();
        var unit = await db.UnitAccounts.FirstAsync(u => u.Kind == UnitKind.Employer);
        unit.Name = "广州\u202E司公限有";
        var refused = Assert.Throws<ValidationFailedException>(() => db.SaveChanges());
        Assert.Equal([TextSafety.Message], refused.Errors[nameof(UnitAccount.Name)]);

        await using var check = App.Db();
        // Ordinal: a culture-aware comparison ignores format characters and would find U+202E anywhere.
        Assert.False((await check.UnitAccounts.SingleAsync(u => u.Id == unit.Id)).Name.Contains('\u202E', StringComparison.Ordinal));
    }
}
