using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Demo;

/// <summary>The approved chain 广东省教育厅 → 广州市教育局 → 广州市天河区教育局 (高等学校教师), as the README's accounts know it.</summary>
public sealed class AuthoritiesDemoSeeder : IDemoSeeder
{
    public int Order => 10;

    public Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct) => new DemoApplications(db, demo).AddAsync(
    [
        new("province", AffiliationLevel.Province, "高等学校教师", null, "机关", "广州市越秀区东风东路723号", 90, ReviewDecision.Approve, "同意"),
        new("city", AffiliationLevel.City, "高等学校教师", "province", "机关", "广州市越秀区中山一路8号", 80, ReviewDecision.Approve, "同意"),
        new("county", AffiliationLevel.County, "高等学校教师", "city", "机关", "广州市天河区天府路1号", 70, ReviewDecision.Approve, "材料齐全，同意"),
    ], ct);
}

/// <summary>
/// Role applications in every state, so that each reviewer of the README finds work: 广州市教育局 (gz_edu)
/// a pending, a returned, a closed and an approved county; 广东省教育厅 (gd_edu) a pending and an approved
/// city; the HRSS department (hrss_reviewer) province-level applications of other series, pending,
/// returned and approved. 广州市荔湾区教育局 (lw_edu) has not applied yet.
/// </summary>
public sealed class AuthorityApplicationsDemoSeeder : IDemoSeeder
{
    public int Order => 20;

    private static readonly DemoUnit[] Units =
    [
        new("huangpu", "广州市黄埔区教育局", UnitKind.Authority, "440112", "hp_edu", "罗晓琳", "11440112007524906"),
        new("yuexiu", "广州市越秀区教育局", UnitKind.Authority, "440104", "yx_edu", "梁志强", "11440104007524382"),
        new("panyu", "广州市番禺区职业教育协会", UnitKind.Authority, "440113", "py_assoc", "何家豪", "51440113MJ0000123"),
        new("haizhu", "广州市海珠区教育局", UnitKind.Authority, "440105", "hz_edu", "陈嘉怡", "11440105007524561"),
        new("liwan", "广州市荔湾区教育局", UnitKind.Authority, "440103", "lw_edu", "郭伟明", "11440103007524219"),
        new("foshan", "佛山市教育局", UnitKind.Authority, "440600", "fs_edu", "黄丽珍", "11440600007551234"),
        new("shenzhen", "深圳市教育局", UnitKind.Authority, "440300", "sz_edu", "林思远", "11440300007548261"),
        new("miit", "广东省工业和信息化厅", UnitKind.Authority, "440000", "gd_miit", "冯振宇", "11440000006954683"),
        new("finance", "广东省财政厅", UnitKind.Authority, "440000", "gd_finance", "吴敏仪", "11440000006954442"),
        new("health", "广东省卫生健康委员会", UnitKind.Authority, "440000", "gd_health", "郑国华", "11440000006954731"),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        foreach (var unit in Units) demo.AddUnit(db, unit);
        await db.SaveChangesAsync(ct);  // cases name their units by id
        await new DemoApplications(db, demo).AddAsync(
        [
            new("huangpu", AffiliationLevel.County, "高等学校教师", "city", "机关", "广州市黄埔区开创大道2666号", 40, ReviewDecision.Approve, "同意"),
            new("foshan", AffiliationLevel.City, "高等学校教师", "province", "机关", "佛山市禅城区岭南大道北12号", 35, ReviewDecision.Approve, "同意"),
            new("miit", AffiliationLevel.Province, "工程技术人员", null, "机关", "广州市越秀区东风中路305号", 30, ReviewDecision.Approve, "同意"),
            new("panyu", AffiliationLevel.County, "高等学校教师", "city", "社会团体", "广州市番禺区市桥街清河东路319号", 20,
                ReviewDecision.RejectAndClose, "该单位为社会团体，不属于区级行业主管部门，本区行业主管职能已由区教育局履行，申请结案"),
            new("yuexiu", AffiliationLevel.County, "高等学校教师", "city", "机关", "广州市越秀区仓边路15号", 12,
                ReviewDecision.RejectAndReturn, "请上传加盖公章的统一社会信用代码证扫描件，并在单位职能简介中写明继续教育管理的具体职责"),
            new("finance", AffiliationLevel.Province, "会计专业人员", null, "机关", "广州市越秀区北京路376号", 9,
                ReviewDecision.RejectAndReturn, "单位职能简介与会计专业人员继续教育管理职责不符，请修改后重新送审"),
            new("haizhu", AffiliationLevel.County, "高等学校教师", "city", "机关", "广州市海珠区宝岗大道288号", 3, null, null),
            new("shenzhen", AffiliationLevel.City, "高等学校教师", "province", "机关", "深圳市福田区深南大道6008号", 2, null, null),
            new("health", AffiliationLevel.Province, "卫生技术人员", null, "机关", "广州市越秀区先烈南路17号", 1, null, null),
        ], ct);
    }
}

/// <summary>One demo role application: who applies, to which parent (null: the HRSS department), and how it was decided (null: pending).</summary>
internal sealed record DemoApplication(
    string Key,
    AffiliationLevel Level,
    string Series,
    string? ParentKey,
    string Nature,
    string Address,
    int DaysAgo,
    ReviewDecision? Decision,
    string? Opinion);

/// <summary>
/// Makes demo role applications with the same domain methods the services use: the authority, its
/// 附件材料, the case submitted by the unit's operator and decided by the reviewer's, in that order in time.
/// </summary>
internal sealed class DemoApplications(AppDbContext db, DemoContext demo)
{
    public async Task AddAsync(IEnumerable<DemoApplication> applications, CancellationToken ct)
    {
        foreach (var application in applications) await AddAsync(application, ct);
    }

    private async Task AddAsync(DemoApplication a, CancellationToken ct)
    {
        var unit = demo.Units[a.Key];
        var person = demo.Operators[a.Key];
        var submittedAt = demo.Now.AddDays(-a.DaysAgo);
        var authority = new Authority
        {
            UnitAccountId = unit.Id, Name = unit.Name, CodeType = unit.CodeType, Code = unit.Code, Nature = a.Nature,
            Level = a.Level, SeriesId = ReferenceCatalog.Series.Single(s => s.Name == a.Series).Id, RegionCode = unit.RegionCode,
            ParentAuthorityId = a.ParentKey is null ? null : demo.Authorities[a.ParentKey].Id,
            ContactName = person.RealName!, OfficePhone = OfficePhone(unit.RegionCode, unit.Id), Mobile = person.PhoneNumber!,
            Email = $"{person.UserName}@demo.gd.gov.cn", PostalCode = PostalCode(unit.RegionCode), Address = a.Address,
            Functions = $"{unit.Name}负责本行业（{a.Series}）专业技术人员继续教育的统筹规划、组织实施和监督管理，审核所属区域施教机构的专业培训资格和专业课计划。",
            CreatedAt = submittedAt.AddHours(-2),
        };
        db.Authorities.Add(authority);
        await db.SaveChangesAsync(ct);
        demo.Authorities[a.Key] = authority;

        var reviewerKey = a.ParentKey ?? "hrss";
        var reviewer = demo.Units[reviewerKey];
        var step = a.Level == AffiliationLevel.Province ? AuthorityApplication.ProvinceReviewStep : AuthorityApplication.ReviewStep;
        var reviewCase = ReviewCase.Open(ReviewKind.AuthorityApplication, authority.Id, ChinaTime.ToLocal(submittedAt).Year,
            unit.Id, unit.Name, reviewer.Id, reviewer.Name, step, authority.CreatedAt);
        Attach(authority.Id, AuthorityApplication.RequiredMaterial, "统一社会信用代码证.png", DemoFiles.CertificatePng, person.UserName!, unit.Id, submittedAt.AddMinutes(-30));
        Attach(authority.Id, "", "统一社会信用代码证（扫描件）.pdf", DemoFiles.CertificatePdf, person.UserName!, unit.Id, submittedAt.AddMinutes(-20));
        reviewCase.Submit(demo.ActorOf(a.Key), submittedAt, AuthorityApplication.SubmitStep);

        if (a.Decision is { } decision)
        {
            var decidedAt = submittedAt.AddDays(1).AddHours(3);
            reviewCase.Decide(demo.ActorOf(reviewerKey), decision, a.Opinion, decidedAt);
            if (decision == ReviewDecision.Approve) authority.ApprovedAt = decidedAt;
        }

        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync(ct);
    }

    private void Attach(int authorityId, string category, string fileName, byte[] content, string uploader, int unitId, DateTime at) =>
        db.Attachments.Add(Attachment.Create(AuthorityApplication.AttachmentOwnerType, authorityId, category, fileName, content, uploader, unitId, at));

    private static string OfficePhone(string region, int seed) =>
        $"{Region.CityOf(region) switch { "440300" => "0755", "440600" => "0757", _ => "020" }}-8{3000000 + seed * 7919 % 999999:D7}";

    private static string PostalCode(string region) =>
        Region.CityOf(region) switch { "440300" => "518000", "440600" => "528000", _ => "510000" };
}
