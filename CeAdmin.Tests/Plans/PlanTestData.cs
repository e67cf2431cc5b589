using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Demo;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Plans;

/// <summary>Arranging plans on the demo data: a published course, a newcomer's qualification, plan and class forms, a submitted plan.</summary>
internal static class PlanTestData
{
    /// <summary>A course of the demo's published 高等学校教师 catalog of that year.</summary>
    public static async Task<int> CourseAsync(TestApp app, int year, string name = "高校教师师德师风建设")
    {
        await using var db = app.Db();
        return await db.CatalogCourses.Where(c => c.Name == name && c.Catalog!.Year == year).Select(c => c.Id).SingleAsync();
    }

    /// <summary>The newcomer registers as a city-level institution and submits its application to 广州市教育局 (not decided).</summary>
    public static async Task<int> ApplyForQualificationAsync(TestApp app, Actor institution)
    {
        var service = app.As<InstitutionService>(institution);
        await service.SaveMineAsync(new InstitutionForm
        {
            Name = "广州市番禺区职业培训学校", Code = "91110000600037341L", Level = AffiliationLevel.City, Nature = "事业单位", RegionCode = "440100",
            ParentAuthorityName = "广州市教育局", LegalName = "何志强", LegalPhone = "020-83330000", LegalEmail = "legal@pytrain.edu.cn",
            ContactName = "陈晓", ContactPhone = "13800138001", ContactEmail = "contact@pytrain.edu.cn", Address = "广州市番禺区市桥街光明北路99号", Profile = "专业技术人员继续教育培训。",
        });
        await using var db = app.Db();
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
        var id = await service.ApplyAsync(new QualificationForm { SeriesId = series, Overview = "高校教师培训", Industry = "教育" });
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, id, "办学许可证", "许可证.png", SampleFiles.Png(), institution.UserName, institution.UnitId, DateTime.UtcNow));
        await db.SaveChangesAsync();
        await service.SubmitAsync(id);
        return id;
    }

    public static PlanForm Form(int courseId, string name = "2026年高校教师教学能力提升培训") => new()
    {
        CatalogCourseId = courseId, Year = 2026, Name = name, Days = 2, Hours = 16, PlannedSessions = 1,
        StartDate = new DateTime(2026, 9, 1), EndDate = new DateTime(2026, 9, 30), Content = "教学设计、课堂组织与评价", Audience = "高校专任教师",
    };

    public static TeacherForm Teacher(string name, int seq) => new()
    {
        Name = name, Gender = CeAdmin.Domain.Common.Gender.Male, IdNumber = CeAdmin.Demo.DemoIds.IdNumber("440104", new DateOnly(1975, 3, seq), 11),
        Title = "教授", Phone = "13800000000", Email = "t@example.cn", Courses = "教学能力提升", Profile = "从事高校教师培训多年。",
    };

    public static ClassForm Class(int headTeacher, int[] instructors, params string[] subjects) => new()
    {
        Name = "2026年高校教师教学能力提升培训班", PlannedOpenDate = new DateTime(2026, 9, 1), StudyMode = "面授培训",
        StudyStart = new DateTime(2026, 9, 1), StudyEnd = new DateTime(2026, 9, 2), PlannedEnrolment = 30, HeadTeacherId = headTeacher,
        ExamType = "笔试", Location = "广州市越秀区东风中路1号", Schedule = "9月1日-2日 9:00-17:00", InstructorIds = [.. instructors], Subjects = [.. subjects],
    };

    /// <summary>
    /// What the filing pages do: 保存 基本信息, one class with the owner's first enabled teacher (one is
    /// entered if it has none), an attachment, 送审.
    /// </summary>
    public static async Task<(int PlanId, int CaseId)> SubmittedPlanAsync(TestApp app, Actor owner, int courseId, string name = "2026年高校教师教学能力提升培训")
    {
        var plans = app.As<PlanService>(owner);
        var planId = await plans.SaveAsync(null, Form(courseId, name));
        var classes = app.As<ClassService>(owner);
        var teacher = (await classes.SelectableTeachersAsync()).FirstOrDefault()?.TeacherId
                      ?? await app.As<TeacherService>(owner).CreateAsync(Teacher("何振宇", owner.UnitId % 28 + 1));
        await classes.SaveAsync(planId, null, Class(teacher, [teacher], "师德师风", "课程思政"));
        await app.As<AttachmentService>(owner).UploadAsync(PlanService.OwnerType, planId, "", "培训方案.pdf", SampleFiles.Pdf());
        await plans.SubmitAsync(planId);
        return (planId, (await plans.GetAsync(planId)).CaseId);
    }

    /// <summary>The province's published 2026 catalog of 高等学校教师 with these courses, and their ids by name.</summary>
    public static async Task<(int CatalogId, Dictionary<string, int> Courses)> PublishedCoursesAsync(TestApp app, Actor province, params string[] names)
    {
        var catalogs = app.As<CatalogService>(province);
        var catalogId = await catalogs.SaveAsync(null, new CatalogForm { SeriesId = AuthorityScenario.HigherEducation, DeclaredOn = new DateTime(2026, 1, 5), OperatorName = "王海涛", Year = 2026 });
        var ids = new Dictionary<string, int>();
        foreach (var name in names) ids[name] = await catalogs.SaveCourseAsync(catalogId, null, new CourseForm { Name = name, Content = name + "的内容" });
        await catalogs.PublishAsync(catalogId);
        return (catalogId, ids);
    }

    private static int _institutions;

    public static InstitutionForm InstitutionForm(string name, AffiliationLevel level, string region) => new()
    {
        Name = name, Code = DemoIds.Uscc("9144" + region + Interlocked.Increment(ref _institutions).ToString("D7")), Level = level, Nature = "事业单位",
        RegionCode = region, ParentAuthorityName = "教育局", LegalName = "何志强", LegalPhone = "020-83330000", LegalEmail = "legal@example.cn",
        ContactName = "陈晓", ContactPhone = "13800138001", ContactEmail = "contact@example.cn", Address = "府前路1号", Profile = "专业技术人员继续教育培训。",
    };

    /// <summary>
    /// A new institution with its 基本信息 and a 高等学校教师 qualification: submitted with its material and
    /// approved by <paramref name="reviewer"/> (a province-level one needs none: it is approved at once).
    /// </summary>
    public static async Task<(Actor Institution, int QualificationId, int CaseId)> QualifiedInstitutionAsync(TestApp app, AuthorityScenario scenario,
        string name, AffiliationLevel level, string region, Actor? reviewer)
    {
        var institution = await scenario.UnitAsync(name, UnitKind.Institution, region);
        var service = app.As<InstitutionService>(institution);
        await service.SaveMineAsync(InstitutionForm(name, level, region));
        var id = await service.ApplyAsync(new QualificationForm { SeriesId = AuthorityScenario.HigherEducation, Overview = "高校教师培训", Industry = "教育" });
        await app.As<AttachmentService>(institution).UploadAsync(InstitutionService.OwnerType, id, "", "办学许可证.pdf", SampleFiles.Pdf());
        await service.SubmitAsync(id);
        await using var db = app.Db();
        var caseId = await db.ReviewCases.Of(ReviewKind.Qualification, id).Select(c => c.Id).SingleAsync();
        if (reviewer is not null) await app.As<ReviewService>(reviewer).DecideAsync(caseId, ReviewDecision.Approve, null);
        return (institution, id, caseId);
    }

    /// <summary>The plan's case with its 审批流程, as stored.</summary>
    public static async Task<ReviewCase> CaseAsync(TestApp app, int caseId)
    {
        await using var db = app.Db();
        return await db.ReviewCases.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == caseId);
    }
}
