using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Demo;

/// <summary>
/// Institutions and their 专业培训资格 in every state: the two demo institutions approved (the
/// province-level one automatically), and more Guangzhou institutions waiting at, returned by or
/// closed by 广州市教育局 and 广州市天河区教育局, so that 1.5.2 has something to review.
/// </summary>
public sealed class InstitutionsDemoSeeder : IDemoSeeder
{
    public int Order => 20;

    private sealed record DemoInstitution(string Name, string UsccBody, AffiliationLevel Level, string Region, ReviewStatus Status, string? Opinion);

    private static readonly DemoInstitution[] Others =
    [
        new("广州现代教育培训学院", "52440100MJ0000101", AffiliationLevel.City, "440100", ReviewStatus.Submitted, null),
        new("广州南方职业技能研修院", "52440100MJ0000202", AffiliationLevel.City, "440100", ReviewStatus.Submitted, null),
        new("广州岭南师资发展中心", "52440100MJ0000303", AffiliationLevel.City, "440100", ReviewStatus.Returned, "请补充近三年培训情况及师资名单后重新送审"),
        new("广州市华信培训学校", "52440100MJ0000404", AffiliationLevel.City, "440100", ReviewStatus.Closed, "办学许可证已过有效期，不符合申请条件"),
        new("广州市天河区专业技术培训中心", "52440106MJ0000505", AffiliationLevel.County, "440106", ReviewStatus.Submitted, null),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync(ct);
        await AddAsync(db, demo, demo.Units["inst_province"], AffiliationLevel.Province, "440000", series, ReviewStatus.Approved, null, ct);
        await AddAsync(db, demo, demo.Units["inst_city"], AffiliationLevel.City, "440100", series, ReviewStatus.Approved, null, ct);
        await AddNewcomerAsync(db, demo, ct);
        foreach (var o in Others)
        {
            var owner = demo.NewUser("inst_" + o.UsccBody[^3..], AccountKind.Unit);
            db.Users.Add(owner);
            var unit = new UnitAccount
            {
                Name = o.Name, Kind = UnitKind.Institution, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc(o.UsccBody), RegionCode = o.Region,
                OwnerUserId = demo.Operators["inst_city"].Id, LoginUserId = owner.Id, Status = UnitAccountStatus.Active, CreatedAt = demo.Now,
            };
            db.UnitAccounts.Add(unit);
            await db.SaveChangesAsync(ct);
            await AddAsync(db, demo, unit, o.Level, o.Region, series, o.Status, o.Opinion, ct);
        }
    }

    /// <summary>An institution that has registered but not applied yet (py_train), to try 1.5.2 from the start.</summary>
    private static async Task AddNewcomerAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var person = demo.NewUser("py_train", AccountKind.Personal);
        person.RealName = "何志强";
        person.IdNumber = DemoIds.IdNumber("440113", new DateOnly(1983, 4, 17), 612);
        person.VerificationLevel = VerificationLevel.Level2;
        person.VerifiedAt = demo.Now;
        person.PhoneNumber = "13800006120";
        var login = demo.NewUser("py_train_unit", AccountKind.Unit);
        db.Users.AddRange(person, login);
        var unit = new UnitAccount
        {
            Name = "广州市番禺区职业培训学校", Kind = UnitKind.Institution, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc("52440113MJ0000612"),
            RegionCode = "440100", OwnerUserId = person.Id, LoginUserId = login.Id, Status = UnitAccountStatus.Active, CreatedAt = demo.Now,
        };
        unit.Operators.Add(new UnitOperator { UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true, InvitedAt = demo.Now, AcceptedAt = demo.Now, AuthorisedAt = demo.Now });
        db.UnitAccounts.Add(unit);
        await db.SaveChangesAsync(ct);
        db.Institutions.Add(new Institution
        {
            UnitAccountId = unit.Id, Name = unit.Name, Code = unit.Code, Level = AffiliationLevel.City, Nature = "事业单位", RegionCode = "440100",
            ParentAuthorityName = "广州市教育局", LegalName = "何志强", LegalPhone = "020-84821234", LegalEmail = "office@pytrain.edu.cn",
            ContactName = "何志强", ContactPhone = "13800006120", ContactEmail = "train@pytrain.edu.cn", Address = "广州市番禺区市桥街光明北路99号",
            Profile = "广州市番禺区职业培训学校面向本市专业技术人员开展继续教育培训。", CreatedAt = demo.Now,
        });
        demo.Units["inst_newcomer"] = unit;
        demo.Operators["inst_newcomer"] = person;
    }

    private static async Task AddAsync(AppDbContext db, DemoContext demo, UnitAccount unit, AffiliationLevel level, string region, int series,
        ReviewStatus status, string? opinion, CancellationToken ct)
    {
        var institution = new Institution
        {
            UnitAccountId = unit.Id, Name = unit.Name, Code = unit.Code, Level = level, Nature = "事业单位", RegionCode = region,
            ParentAuthorityName = level == AffiliationLevel.Province ? "广东省教育厅" : region == "440106" ? "广州市天河区教育局" : "广州市教育局",
            LegalName = "陈建华", LegalPhone = "020-85211234", LegalEmail = "office@example.edu.cn",
            ContactName = "梁晓婷", ContactPhone = "13902211234", ContactEmail = "train@example.edu.cn",
            Address = "广州市" + (region == "440106" ? "天河区" : "越秀区") + unit.Name[..2] + "路88号",
            Profile = $"{unit.Name}长期承担专业技术人员继续教育培训任务，具备完善的教学场地、师资队伍和培训管理制度。",
            CreatedAt = demo.Now,
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);

        var qualification = new TrainingQualification
        {
            InstitutionId = institution.Id, SeriesId = series, RegionCode = institution.RegionCode, Overview = "面向高等学校教师开展师德师风、教学能力与课程思政等专业科目培训。",
            Industry = "教育", Year = demo.Now.Year, CreatedAt = demo.Now,
        };
        db.TrainingQualifications.Add(qualification);
        await db.SaveChangesAsync(ct);

        var reviewer = await QualificationRouting.FindReviewerAsync(db, region, level, series, ct)
            ?? throw new InvalidOperationException("Demo authorities must be seeded first");
        var reviewCase = ReviewCase.Open(ReviewKind.Qualification, qualification.Id, qualification.Year, unit.Id, unit.Name,
            reviewer.UnitId, reviewer.Name, QualificationRouting.StepFor(reviewer.Level), demo.Now);
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, qualification.Id, "专业培训资格申请材料", "办学许可证.png",
            DemoFiles.CertificatePng, "经办人", unit.Id, demo.Now));
        reviewCase.Submit(new Actor("demo", "经办人", unit.Id, unit.Name), demo.Now, "施教机构专业培训资格申请");
        var reviewerActor = new Actor("demo", "审核人", reviewer.UnitId, reviewer.Name);
        if (level == AffiliationLevel.Province)
            reviewCase.ApproveAutomatically("省级施教机构默认通过", demo.Now);
        else if (status != ReviewStatus.Submitted)
            reviewCase.Decide(reviewerActor, status switch
            {
                ReviewStatus.Approved => ReviewDecision.Approve,
                ReviewStatus.Returned => ReviewDecision.RejectAndReturn,
                _ => ReviewDecision.RejectAndClose,
            }, opinion ?? "同意", demo.Now);
        if (reviewCase.Status == ReviewStatus.Approved) qualification.ApprovedAt = demo.Now;
        db.ReviewCases.Add(reviewCase);
    }
}
