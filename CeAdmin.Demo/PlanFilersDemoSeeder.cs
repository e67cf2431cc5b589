using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Demo;

/// <summary>
/// What the demo plans need of the institutions: 广州市专业技术人员继续教育培训中心 (city level, approved by
/// 广州市教育局) and 广东技术师范大学继续教育学院 (province level, approved automatically) qualified in 高等学校教师,
/// and a newcomer (py_train) with its 基本信息 but no application. Whatever an earlier part (the institutions'
/// own demo data) already made is reused, so the two never seed twice.
/// </summary>
public sealed class PlanFilersDemoSeeder : IDemoSeeder
{
    public int Order => 44;

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var seriesId = ReferenceCatalog.Series.Single(s => s.Name == CatalogsDemoSeeder.Series).Id;
        await QualifyAsync(db, demo, "inst_city", AffiliationLevel.City, "440100", "广州市教育局", "广州市越秀区解放北路618号", seriesId, 60, ct);
        await QualifyAsync(db, demo, "inst_province", AffiliationLevel.Province, "440000", "广东省教育厅", "广州市天河区中山大道西293号", seriesId, 50, ct);
        if (!demo.Units.ContainsKey("inst_newcomer"))
        {
            var unit = demo.AddUnit(db, new DemoUnit("inst_newcomer", "广州市番禺区职业培训学校", UnitKind.Institution, "440100", "py_train", "何志强", "52440113MJ0000612"));
            await db.SaveChangesAsync(ct);
            db.Institutions.Add(NewInstitution(demo, "inst_newcomer", AffiliationLevel.City, "440100", "广州市教育局", "广州市番禺区市桥街光明北路99号", unit.CreatedAt));
        }
    }

    private static async Task QualifyAsync(AppDbContext db, DemoContext demo, string key, AffiliationLevel level, string region, string parent, string address,
        int seriesId, int daysAgo, CancellationToken ct)
    {
        var unit = demo.Units[key];
        if (await db.Institutions.AnyAsync(i => i.UnitAccountId == unit.Id, ct)) return;

        var appliedAt = demo.Now.AddDays(-daysAgo);
        var institution = NewInstitution(demo, key, level, region, parent, address, appliedAt.AddDays(-1));
        var qualification = new TrainingQualification
        {
            SeriesId = seriesId, RegionCode = region, Overview = "面向高等学校专任教师开展师德师风、教学能力、课程思政和信息化教学等专业科目培训。",
            Industry = "教育", Year = ChinaTime.ToLocal(appliedAt).Year, CreatedAt = appliedAt.AddHours(-2),
        };
        institution.Qualifications.Add(qualification);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);

        var reviewer = await QualificationRouting.FindReviewerAsync(db, region, level, seriesId, ct)
            ?? throw new InvalidOperationException($"No demo authority reviews {unit.Name}.");
        var reviewCase = ReviewCase.Open(ReviewKind.Qualification, qualification.Id, qualification.Year, unit.Id, unit.Name,
            reviewer.UnitId, reviewer.Name, QualificationRouting.StepFor(reviewer.Level), qualification.CreatedAt);
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, qualification.Id, "", "办学许可证（扫描件）.pdf", DemoFiles.CertificatePdf,
            demo.Operators[key].UserName!, unit.Id, appliedAt.AddMinutes(-30)));
        reviewCase.Submit(demo.ActorOf(key), appliedAt, "施教机构专业培训资格申请");
        // As InstitutionService.SubmitAsync does: a province-level institution is approved at once.
        qualification.ApprovedAt = level == AffiliationLevel.Province ? appliedAt : appliedAt.AddDays(2);
        if (level == AffiliationLevel.Province) reviewCase.ApproveAutomatically("省级施教机构默认通过", appliedAt);
        else reviewCase.Approve(demo.ActorOf("city"), "办学条件和师资符合要求，同意", qualification.ApprovedAt.Value);
        db.ReviewCases.Add(reviewCase);
    }

    private static Institution NewInstitution(DemoContext demo, string key, AffiliationLevel level, string region, string parent, string address, DateTime createdAt)
    {
        var unit = demo.Units[key];
        var person = demo.Operators[key];
        return new Institution
        {
            UnitAccountId = unit.Id, Name = unit.Name, Code = unit.Code, Level = level, Nature = "事业单位", RegionCode = region, ParentAuthorityName = parent,
            LegalName = person.RealName!, LegalPhone = "020-87" + (unit.Id * 7919 % 1000000).ToString("D6"), LegalEmail = $"{person.UserName}@edu-train.cn",
            ContactName = person.RealName!, ContactPhone = person.PhoneNumber!, ContactEmail = $"office.{person.UserName}@edu-train.cn", Address = address,
            Profile = $"{unit.Name}长期承担专业技术人员继续教育培训任务，具备完善的教学场地、师资队伍和培训管理制度。", CreatedAt = createdAt,
        };
    }
}
