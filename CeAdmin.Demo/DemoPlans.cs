using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Teachers;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Demo;

/// <summary>
/// Makes demo plans as the services would: routed by <see cref="PlanRouting"/>, classes with enabled
/// teachers of the owner's registry, 附件材料, then submitted by the owner's operator and decided by the
/// reviewer's, in that order in time.
/// </summary>
internal sealed class DemoPlans(AppDbContext db, DemoContext demo)
{
    public const string Material = "申报单位统一社会信用代码证（扫描件）.pdf";

    public async Task AddAsync(DemoPlan spec, CancellationToken ct)
    {
        var actor = demo.ActorOf(spec.Owner);
        var owner = await PlanRouting.OwnerAsync(db, actor, ct);
        var course = await db.CatalogCourses.Include(c => c.Catalog)
            .SingleAsync(c => c.Name == spec.Course && c.Catalog!.Year == spec.Start.Year, ct);
        var reviewer = await PlanRouting.ReviewerAsync(db, owner, course.Catalog!.SeriesId, ct);
        var rule = (await HoursRuleBook.LoadAsync(db, ct)).For(spec.Start.Year);
        var teachers = await db.Teachers.Where(t => t.OwnerUnitId == owner.UnitId).ToDictionaryAsync(t => t.Name, ct);
        var submittedAt = demo.Now.AddDays(-Math.Max(spec.DaysAgo, 1)).AddHours(-spec.Name.Length % 5);

        var plan = new TrainingPlan
        {
            OwnerUnitId = owner.UnitId, OwnerKind = owner.Kind, OwnerName = owner.Name, RegionCode = owner.RegionCode, CatalogCourseId = course.Id,
            SeriesId = course.Catalog.SeriesId, Year = spec.Start.Year, Name = spec.Name, Days = spec.Days, Hours = rule.MaxHoursFor(spec.Days),
            PlannedSessions = spec.Classes.Length, StartDate = spec.Start, EndDate = spec.End, Content = course.Content, Audience = spec.Audience,
            Remarks = spec.Classes.Length > 1 ? $"共{spec.Classes.Length}期，每期内容相同" : null, CreatedAt = submittedAt.AddDays(-2),
        };
        foreach (var c in spec.Classes) plan.Classes.Add(Class(plan, c, teachers, Location(owner.Name, c.StudyMode)));
        db.TrainingPlans.Add(plan);
        await db.SaveChangesAsync(ct);

        var reviewCase = ReviewCase.Open(ReviewKind.TrainingPlan, plan.Id, plan.Year, owner.UnitId, owner.Name, reviewer.UnitId, reviewer.Name, reviewer.Step, plan.CreatedAt);
        db.ReviewCases.Add(reviewCase);
        if (spec.State == ReviewStatus.Draft) return;

        db.Attachments.Add(Attachment.Create(PlanService.OwnerType, plan.Id, "", Material, DemoFiles.CertificatePdf, actor.UserName, owner.UnitId, submittedAt.AddMinutes(-15)));
        reviewCase.Submit(actor, submittedAt, "专业课计划申报信息申报");
        if (spec.State == ReviewStatus.Submitted) return;

        var decidedAt = submittedAt.AddDays(1).AddHours(2);
        var decision = spec.State switch
        {
            ReviewStatus.Approved => ReviewDecision.Approve,
            ReviewStatus.Closed => ReviewDecision.RejectAndClose,
            _ => ReviewDecision.RejectAndReturn,
        };
        reviewCase.Decide(demo.ActorOf(demo.Units.Single(u => u.Value.Id == reviewer.UnitId).Key), decision, spec.Opinion, decidedAt);
        if (decision == ReviewDecision.Approve) plan.ApprovedAt = decidedAt;
    }

    private static TrainingClass Class(TrainingPlan plan, DemoClass c, Dictionary<string, Teacher> teachers, string location)
    {
        var head = teachers[c.HeadTeacher];
        var end = c.Start.AddDays((int)Math.Ceiling(plan.Days) - 1);
        var trainingClass = new TrainingClass
        {
            Name = $"{plan.Name}{c.Name}", PlannedOpenDate = c.Start, StudyMode = c.StudyMode, StudyStart = c.Start, StudyEnd = end,
            PlannedEnrolment = c.Enrolment, ExamType = c.StudyMode == "网络培训" ? "机考" : "笔试", Location = location,
            Schedule = $"{c.Start:M月d日}至{end:M月d日}，每日上午9:00-12:00专题讲授，下午14:00-17:00案例研讨与实操，最后半天结业考核",
            HeadTeacherId = head.Id, HeadTeacherName = head.Name, HeadTeacherPhone = head.Phone, HeadTeacherIdNumber = head.IdNumber,
            HeadTeacherEmail = head.Email, HeadTeacherTitle = head.Title,
        };
        trainingClass.Instructors.AddRange(c.Instructors.Select(name => new ClassInstructor { TeacherId = teachers[name].Id }));
        trainingClass.Subjects.AddRange(c.Subjects.Select(name => new ClassSubject { Name = name }));
        return trainingClass;
    }

    private static string Location(string ownerName, string studyMode) => studyMode == "网络培训"
        ? "广东省专业技术人员继续教育网络学习平台"
        : ownerName switch
        {
            "广州市专业技术人员继续教育培训中心" => "广州市越秀区解放北路618号培训中心三楼报告厅",
            "广东技术师范大学继续教育学院" => "广州市天河区中山大道西293号继续教育学院教学楼",
            "广州智造科技有限公司" => "广州市天河区高普路1023号公司培训中心",
            _ => $"{ownerName}会议中心",
        };
}
