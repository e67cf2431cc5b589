using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Demo;

/// <summary>
/// The demo institutions' 机构基本信息 and their approved 专业培训资格 in 高等学校教师, so that they may
/// file plans: 广州市专业技术人员继续教育培训中心 (city level, approved by 广州市教育局) and
/// 广东技术师范大学继续教育学院 (province level, approved automatically). 广州南方继续教育培训学院
/// (nf_train) has only registered its unit: it shows a newcomer's first steps.
/// </summary>
public sealed class InstitutionsDemoSeeder : IDemoSeeder
{
    public int Order => 44;

    private sealed record DemoInstitution(string Key, AffiliationLevel Level, string Region, string Parent, string Address, string Profile, int DaysAgo);

    private static readonly DemoInstitution[] Institutions =
    [
        new("inst_city", AffiliationLevel.City, "440100", "广州市教育局", "广州市越秀区解放北路618号",
            "广州市人力资源和社会保障局主管的事业单位，承担全市专业技术人员继续教育专业科目培训，设有多媒体教室12间、实训室4间，年培训能力1.5万人次。", 60),
        new("inst_province", AffiliationLevel.Province, "440000", "广东省教育厅", "广州市天河区中山大道西293号",
            "广东技术师范大学下设的继续教育机构，是省级职业院校“双师型”教师培养培训基地，面向全省高校教师开展教学能力与信息化教学培训。", 50),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        demo.AddUnit(db, new DemoUnit("inst_new", "广州南方继续教育培训学院", UnitKind.Institution, "440106", "nf_train", "邓嘉欣", "52440106MJL123456"));
        await db.SaveChangesAsync(ct);
        foreach (var i in Institutions) await AddAsync(db, demo, i, ct);
    }

    private static async Task AddAsync(AppDbContext db, DemoContext demo, DemoInstitution i, CancellationToken ct)
    {
        var unit = demo.Units[i.Key];
        var person = demo.Operators[i.Key];
        var appliedAt = demo.Now.AddDays(-i.DaysAgo);
        var institution = new Institution
        {
            UnitAccountId = unit.Id, Name = unit.Name, Code = unit.Code, Level = i.Level, Nature = "事业单位", RegionCode = i.Region,
            ParentAuthorityName = i.Parent, LegalName = person.RealName!, LegalPhone = "020-87" + (unit.Id * 7919 % 1000000).ToString("D6"),
            LegalEmail = $"{person.UserName}@edu-train.cn", ContactName = person.RealName!, ContactPhone = person.PhoneNumber!,
            ContactEmail = $"office.{person.UserName}@edu-train.cn", Address = i.Address, Profile = i.Profile, CreatedAt = appliedAt.AddDays(-1),
        };
        var seriesId = ReferenceCatalog.Series.Single(s => s.Name == CatalogsDemoSeeder.Series).Id;
        var qualification = new TrainingQualification
        {
            SeriesId = seriesId, Overview = "面向高等学校专任教师开展师德师风、教学能力、课程思政和信息化教学等专业科目培训。",
            Industry = "教育", Year = ChinaTime.ToLocal(appliedAt).Year, CreatedAt = appliedAt.AddHours(-2),
        };
        institution.Qualifications.Add(qualification);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);

        var reviewer = await QualificationRouting.FindReviewerAsync(db, i.Region, i.Level, seriesId, ct)
            ?? throw new InvalidOperationException($"No demo authority reviews {unit.Name}.");
        var reviewCase = ReviewCase.Open(ReviewKind.Qualification, qualification.Id, qualification.Year, unit.Id, unit.Name,
            reviewer.UnitId, reviewer.Name, QualificationRouting.StepFor(reviewer.Level), qualification.CreatedAt);
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, qualification.Id, "", "办学许可证（扫描件）.pdf", DemoFiles.CertificatePdf,
            person.UserName!, unit.Id, appliedAt.AddMinutes(-30)));
        reviewCase.Submit(demo.ActorOf(i.Key), appliedAt, "施教机构专业培训资格申请");
        // As InstitutionService.SubmitAsync does: a province-level institution is approved at once.
        if (i.Level == AffiliationLevel.Province)
        {
            reviewCase.ApproveAutomatically("省级施教机构默认通过", appliedAt);
            qualification.ApprovedAt = appliedAt;
        }
        else
        {
            qualification.ApprovedAt = appliedAt.AddDays(2);
            reviewCase.Approve(demo.ActorOf("city"), "办学条件和师资符合要求，同意", qualification.ApprovedAt.Value);
        }
        db.ReviewCases.Add(reviewCase);
    }
}
