using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Catalogs;

/// <summary>1.3.1 on a real database: publishing, the province-only rule and the course deletion rule.</summary>
public sealed class CatalogServiceTests() : IntegrationTest(demo: true)
{
    private Actor _province = null!;
    private int _series;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _province = await App.DemoActorAsync("gd_edu");
        await using var db = App.Db();
        _series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
    }

    // The demo already publishes this year's and 2018's catalogs; these tests prepare next year's.
    private CatalogForm Form(int year = 2027) => new() { SeriesId = _series, DeclaredOn = new DateTime(2026, 3, 1), OperatorName = "李文华", Year = year };

    [Fact]
    public async Task Province_authority_creates_adds_courses_and_publishes()
    {
        var catalogs = App.As<CatalogService>(_province);
        var id = await catalogs.SaveAsync(null, Form());
        await Assert.ThrowsAsync<DomainException>(() => catalogs.PublishAsync(id));

        await catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "高校教师师德师风建设", Content = "师德规范与案例" });
        await catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "课程思政教学设计", Content = "课程思政的方法", Remarks = "必修" });
        var dup = await Assert.ThrowsAsync<ValidationFailedException>(() => catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "课程思政教学设计", Content = "x" }));
        Assert.Contains("已有专业课", dup.Errors["Name"][0]);

        // Not visible to plan pickers before 确认.
        var institution = await App.DemoActorAsync("gpnu_ce");
        var picker = App.As<PublishedCourses>(institution);
        Assert.DoesNotContain((await picker.SearchAsync(new(SeriesId: _series, Year: 2027), new())).Items, r => r.Name == "课程思政教学设计");

        await catalogs.PublishAsync(id);
        var detail = await catalogs.GetAsync(id);
        Assert.Equal(CatalogStatus.Published, detail.Status);
        Assert.Equal(2, detail.Courses.Count);
        var found = await picker.SearchAsync(new(SeriesId: _series, Year: 2027, CourseName: "思政"), new());
        var row = Assert.Single(found.Items);
        Assert.Equal("广东省教育厅", row.AuthorityName);

        var list = await catalogs.ListAsync(new CatalogFilter(Year: 2027), new());
        Assert.Contains(list.Items, r => r.Id == id && r.CourseCount == 2 && r.SeriesName == "高等学校教师");
    }

    [Fact]
    public async Task City_and_county_authorities_are_refused_even_calling_the_service_directly()
    {
        var id = await App.As<CatalogService>(_province).SaveAsync(null, Form());
        foreach (var login in new[] { "gz_edu", "th_edu" })
        {
            var other = App.As<CatalogService>(await App.DemoActorAsync(login));
            var refused = await Assert.ThrowsAsync<ScopeException>(() => other.SaveAsync(null, Form(2028)));
            Assert.Contains("只有省级", refused.Message);
            await Assert.ThrowsAsync<ScopeException>(() => other.GetAsync(id));
            await Assert.ThrowsAsync<ScopeException>(() => other.PublishAsync(id));
            await Assert.ThrowsAsync<ScopeException>(() => other.ListAsync(new(), new()));
        }
        var institution = App.As<CatalogService>(await App.DemoActorAsync("gpnu_ce"));
        await Assert.ThrowsAsync<ScopeException>(() => institution.GetAsync(id));
        await using var db = App.Db();
        Assert.Equal(1, await db.CourseCatalogs.CountAsync(c => c.Year >= 2027));
    }

    [Fact]
    public async Task A_course_used_by_a_plan_cannot_be_deleted_and_a_second_catalog_for_the_year_is_refused()
    {
        var catalogs = App.As<CatalogService>(_province);
        var id = await catalogs.SaveAsync(null, Form());
        var used = await catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "教学能力提升", Content = "教学方法" });
        var unused = await catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "教育技术应用", Content = "信息化教学" });
        await catalogs.PublishAsync(id);
        await using (var db = App.Db())
        {
            db.TrainingPlans.Add(new TrainingPlan
            {
                OwnerUnitId = _province.UnitId, OwnerKind = UnitKind.Authority, OwnerName = "广东省教育厅", RegionCode = "440000",
                CatalogCourseId = used, SeriesId = _series, Year = 2027, Name = "2027教学能力提升培训", Days = 2, Hours = 12,
                PlannedSessions = 1, StartDate = new DateOnly(2027, 5, 1), EndDate = new DateOnly(2027, 5, 2), Content = "c", Audience = "a",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => catalogs.DeleteCourseAsync(id, used));
        Assert.Contains("已被专业课计划使用", refused.Message);
        await catalogs.DeleteCourseAsync(id, unused);
        Assert.Single((await catalogs.GetAsync(id)).Courses);

        var second = await Assert.ThrowsAsync<ValidationFailedException>(() => catalogs.SaveAsync(null, Form()));
        Assert.Contains("已存在", second.Errors["Year"][0]);
    }

    [Fact]
    public async Task Bad_input_writes_nothing()
    {
        var catalogs = App.As<CatalogService>(_province);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => catalogs.SaveAsync(null, new CatalogForm()));
        Assert.Equal(["DeclaredOn", "OperatorName", "SeriesId", "Year"], bad.Errors.Keys.Order().ToArray());
        var id = await catalogs.SaveAsync(null, Form());
        var longContent = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            catalogs.SaveCourseAsync(id, null, new CourseForm { Name = "x", Content = new string('学', 501) }));
        Assert.Contains("500", longContent.Errors["Content"][0]);
        await using var db = App.Db();
        Assert.False(await db.CatalogCourses.AnyAsync(c => c.CatalogId == id));
    }
}
