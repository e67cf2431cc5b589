using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using CeAdmin.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Approvals;

/// <summary>
/// A new subject and its review case are saved together: when the case's insert fails, nothing of the
/// subject is left behind (before, a plan or a qualification stayed without a case and could not be opened again).
/// </summary>
public sealed class SubjectAndCaseSaveTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task A_plan_whose_case_cannot_be_saved_is_not_saved_either()
    {
        var institution = await App.DemoActorAsync("gz_train");
        var course = await PlanTestData.CourseAsync(App, 2026);
        var before = await CountAsync(db => db.TrainingPlans.CountAsync(p => p.OwnerUnitId == institution.UnitId));

        await RefuseCaseInsertsAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.As<PlanService>(institution).SaveAsync(null, PlanTestData.Form(course, "2026年只差一步的培训计划")));

        Assert.Equal(before, await CountAsync(db => db.TrainingPlans.CountAsync(p => p.OwnerUnitId == institution.UnitId)));
        Assert.Equal(0, await CountAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(TrainingPlan) && a.Changes.Contains("2026年只差一步的培训计划"))));
    }

    [Fact]
    public async Task A_qualification_whose_case_cannot_be_saved_is_not_saved_either()
    {
        var newcomer = await App.DemoActorAsync("py_train");
        var service = App.As<InstitutionService>(newcomer);
        await service.SaveMineAsync(new InstitutionForm
        {
            Name = "广州市番禺区职业培训学校", Code = "91110000600037341L", Level = AffiliationLevel.City, Nature = "事业单位", RegionCode = "440100",
            ParentAuthorityName = "广州市教育局", LegalName = "何志强", LegalPhone = "020-83330000", LegalEmail = "legal@pytrain.edu.cn",
            ContactName = "陈晓", ContactPhone = "13800138001", ContactEmail = "contact@pytrain.edu.cn", Address = "广州市番禺区市桥街光明北路99号", Profile = "专业技术人员继续教育培训。",
        });

        await RefuseCaseInsertsAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => service.ApplyAsync(new QualificationForm { SeriesId = AuthorityScenario.HigherEducation, Overview = "高校教师培训", Industry = "教育" }));

        Assert.Equal(0, await CountAsync(db => db.TrainingQualifications.CountAsync(q => q.Institution!.UnitAccountId == newcomer.UnitId)));
        Assert.Empty(await service.MyQualificationsAsync());
    }

    [Fact]
    public async Task A_role_application_whose_case_cannot_be_saved_is_not_saved_either()
    {
        var scenario = new AuthorityScenario(App);
        var applicant = await scenario.UnitAsync("广东省住房和城乡建设厅", UnitKind.Authority, "440000");

        await RefuseCaseInsertsAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            App.As<AuthorityApplicationService>(applicant).SaveAsync(AuthorityScenario.Form(applicant, AffiliationLevel.Province, "440000", null, AuthorityScenario.Engineering)));

        Assert.Equal(0, await CountAsync(db => db.Authorities.CountAsync(a => a.UnitAccountId == applicant.UnitId)));
        Assert.Null((await App.As<AuthorityApplicationService>(applicant).GetMineAsync()).AuthorityId);
    }

    /// <summary>The database itself refuses the second write, as a lost connection or a constraint would.</summary>
    private async Task RefuseCaseInsertsAsync()
    {
        await using var db = App.Db();
        if (App.Database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_case() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END; $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_case BEFORE INSERT ON "ReviewCases" FOR EACH ROW EXECUTE FUNCTION refuse_case();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_case BEFORE INSERT ON ReviewCases BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        }
    }

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var db = App.Db();
        return await count(db);
    }
}
