using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// One small province for <see cref="ScopeCoverageTests"/>: everything of one kind lies in Guangzhou and
/// 高等学校教师 (the "inside": its institution, qualification, catalog, plan with an ended class, teacher,
/// attachments, records, a pending county application), and callers outside it in each way: another city
/// of the same series, a province-level authority of another series, another city's institution and
/// employer, another person. Every inside row carries a marker text that no outside caller may ever read.
/// </summary>
public sealed class ScopeWorld : IAsyncLifetime
{
    public const string InstitutionName = "广州市甲职业培训学院";
    public const string PlanName = "2026年范围测试培训计划";
    public const string TeacherName = "范围教师";
    public const string TraineeName = "范围学员";
    public const string CountyName = "广州市天河区教育局";
    public const string CityName = "广州市教育局";
    public const string FileName = "范围附件.pdf";

    /// <summary>Texts of the inside that an outside caller never sees.</summary>
    public static readonly string[] Markers = [InstitutionName, PlanName, TeacherName, TraineeName, CountyName, CityName, FileName];

    public TestApp App { get; private set; } = null!;
    public ApprovedChain Chain { get; private set; } = null!;

    // Inside.
    public Actor Institution { get; private set; } = null!;
    public int QualificationId { get; private set; }
    public int QualificationCaseId { get; private set; }
    public int CatalogId { get; private set; }
    public int CourseId { get; private set; }
    public int TeacherId { get; private set; }
    public int PlanId { get; private set; }
    public int PlanCaseId { get; private set; }
    public int ClassId { get; private set; }
    public int PlanAttachmentId { get; private set; }
    public int CountyAuthorityId { get; private set; }
    public int CountyCaseId { get; private set; }
    public long RecordId { get; private set; }
    public int InstitutionOperatorId { get; private set; }

    // Outside.
    public Actor OtherCity { get; private set; } = null!;
    public Actor OtherSeries { get; private set; } = null!;
    public Actor OtherInstitution { get; private set; } = null!;
    public Actor OtherEmployer { get; private set; } = null!;
    public Actor OtherPerson { get; private set; } = null!;
    public Actor OtherUnitLogin { get; private set; } = null!;

    /// <summary>The authorities outside the inside's scope: another region, another series.</summary>
    public IEnumerable<Actor> OutsideAuthorities => [OtherCity, OtherSeries];

    public async Task InitializeAsync()
    {
        App = await TestApp.CreateAsync();
        var scenario = new AuthorityScenario(App);
        Chain = await scenario.ProvinceAndCityAsync();

        OtherCity = await scenario.UnitAsync("佛山市教育局", UnitKind.Authority, "440600");
        await scenario.ApprovedAuthorityAsync(OtherCity, Chain.Province, AffiliationLevel.City, "440600", Chain.ProvinceId);
        OtherSeries = await scenario.UnitAsync("广东省工业和信息化厅", UnitKind.Authority, "440000");
        await scenario.ApprovedAuthorityAsync(OtherSeries, Chain.Hrss, AffiliationLevel.Province, "440000", null, AuthorityScenario.Engineering);
        var county = await scenario.UnitAsync(CountyName, UnitKind.Authority, "440106");
        CountyAuthorityId = await scenario.ApplyAsync(county, AffiliationLevel.County, "440106", Chain.CityId);
        CountyCaseId = await scenario.CaseIdAsync(CountyAuthorityId);

        (CatalogId, var courses) = await PlanTestData.PublishedCoursesAsync(App, Chain.Province, "高校教师师德师风建设");
        CourseId = courses["高校教师师德师风建设"];
        (Institution, QualificationId, QualificationCaseId) =
            await PlanTestData.QualifiedInstitutionAsync(App, scenario, InstitutionName, AffiliationLevel.City, "440100", Chain.City);
        await PlanAsync();
        await RecordAsync();

        OtherInstitution = await scenario.UnitAsync("佛山市乙职业培训学校", UnitKind.Institution, "440600");
        await App.As<InstitutionService>(OtherInstitution).SaveMineAsync(PlanTestData.InstitutionForm("佛山市乙职业培训学校", AffiliationLevel.City, "440600"));
        OtherEmployer = await scenario.UnitAsync("佛山市丙科技有限公司", UnitKind.Employer, "440600");
        OtherPerson = await scenario.UnitAsync("佛山市丁会计师事务所", UnitKind.Employer, "440600") with { UnitId = 0, UnitName = "", UnitKind = null };
        OtherUnitLogin = OtherEmployer with { IsUnitLogin = true };
        await using var db = App.Db();
        InstitutionOperatorId = await db.UnitOperators.Where(o => o.UnitAccountId == Institution.UnitId).Select(o => o.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>An approved plan whose class ended before today (2026-03-02), so that its roster can be entered.</summary>
    private async Task PlanAsync()
    {
        TeacherId = await App.As<TeacherService>(Institution).CreateAsync(PlanTestData.Teacher(TeacherName, 7));
        var plans = App.As<PlanService>(Institution);
        var form = PlanTestData.Form(CourseId, PlanName);
        form.StartDate = new DateTime(2026, 1, 5);
        form.EndDate = new DateTime(2026, 2, 27);
        PlanId = await plans.SaveAsync(null, form);
        var cls = PlanTestData.Class(TeacherId, [TeacherId], "师德师风");
        cls.PlannedOpenDate = cls.StudyStart = new DateTime(2026, 1, 10);
        cls.StudyEnd = new DateTime(2026, 1, 11);
        ClassId = await App.As<ClassService>(Institution).SaveAsync(PlanId, null, cls);
        PlanAttachmentId = await App.As<AttachmentService>(Institution).UploadAsync(PlanService.OwnerType, PlanId, "", FileName, SampleFiles.Pdf());
        await plans.SubmitAsync(PlanId);
        PlanCaseId = (await plans.GetAsync(PlanId)).CaseId;
        await App.As<ReviewService>(Chain.City).DecideAsync(PlanCaseId, ReviewDecision.Approve, null);
    }

    private async Task RecordAsync()
    {
        await using var db = App.Db();
        var record = new CeRecord
        {
            PersonName = TraineeName, Gender = "男", IdNumber = CeAdmin.Demo.DemoIds.IdNumber("440106", new DateOnly(1985, 5, 5), 11), WorkUnit = "华南师范大学",
            RegionCode = "440106", SeriesId = AuthorityScenario.HigherEducation, AuthorityId = Chain.CityId, AuthorityName = CityName, CatalogCourseId = CourseId,
            CourseName = "高校教师师德师风建设", SubjectType = RecordValues.Professional, StudyMode = "面授培训", StartDate = new DateOnly(2026, 1, 10),
            EndDate = new DateOnly(2026, 1, 11), Days = 2, Result = RecordValues.Passed, Hours = 16, InstitutionName = InstitutionName, Year = 2026,
            Location = "广州市天河区", Content = "师德规范", ClassId = ClassId, Source = RecordSource.Roster, CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
        };
        db.CeRecords.Add(record);
        await db.SaveChangesAsync();
        RecordId = record.Id;
    }

    /// <summary>Every text a result holds (records, lists, tuples), to look for markers in.</summary>
    public static string Describe(object? result) =>
        JsonSerializer.Serialize(result, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, IncludeFields = true });

    /// <summary>Every text of an .xlsx (its XML parts), to look for markers in.</summary>
    public static string Describe(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
