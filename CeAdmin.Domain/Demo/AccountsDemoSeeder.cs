using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Demo;

/// <summary>
/// The demo units of the README: the HRSS department, a province, a city and a county authority
/// under it, two institutions and an employer, each with an authorised operator.
/// </summary>
public sealed class AccountsDemoSeeder : IDemoSeeder
{
    public int Order => 0;

    private sealed record DemoUnit(string Key, string Name, UnitKind Kind, string Region, string Operator, string RealName, string UsccBody);

    private static readonly DemoUnit[] Units =
    [
        new("hrss", "广东省人力资源和社会保障厅", UnitKind.Hrss, "440000", "hrss_reviewer", "陈志明", "11440000006954321"),
        new("province", "广东省教育厅", UnitKind.Authority, "440000", "gd_edu", "李文华", "11440000006954560"),
        new("city", "广州市教育局", UnitKind.Authority, "440100", "gz_edu", "王建国", "11440100006954812"),
        new("county", "广州市天河区教育局", UnitKind.Authority, "440106", "th_edu", "张丽萍", "11440106007524153"),
        new("inst_province", "广东技术师范大学继续教育学院", UnitKind.Institution, "440106", "gpnu_ce", "黄德聪", "12440000455859781"),
        new("inst_city", "广州市专业技术人员继续教育培训中心", UnitKind.Institution, "440104", "gz_train", "刘海燕", "12440100MB2C31542"),
        new("employer", "广州智造科技有限公司", UnitKind.Employer, "440106", "gz_corp", "周晓东", "91440106MA5CK2R37"),
    ];

    public Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var seq = 100;
        foreach (var u in Units)
        {
            var person = demo.NewUser(u.Operator, AccountKind.Personal);
            person.RealName = u.RealName;
            person.IdNumber = DemoIds.IdNumber(u.Region == "440000" ? "440104" : u.Region, new DateOnly(1980, 1, 1).AddDays(seq * 37), seq++);
            person.VerificationLevel = VerificationLevel.Level2;
            person.VerifiedAt = demo.Now;
            person.PhoneNumber = $"1380000{seq:D4}";
            var login = demo.NewUser(u.Operator + "_unit", AccountKind.Unit);
            db.Users.AddRange(person, login);

            var unit = new UnitAccount
            {
                Name = u.Name, Kind = u.Kind, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc(u.UsccBody),
                RegionCode = u.Region, OwnerUserId = person.Id, LoginUserId = login.Id,
                Status = UnitAccountStatus.Active, CreatedAt = demo.Now,
            };
            unit.Operators.Add(new UnitOperator
            {
                UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true,
                InvitedAt = demo.Now, AcceptedAt = demo.Now, AuthorisedAt = demo.Now,
            });
            db.UnitAccounts.Add(unit);
            demo.Units[u.Key] = unit;
            demo.Operators[u.Key] = person;
        }

        // A person bound to no unit yet, to show the sign-in message and the binding flow.
        var newcomer = demo.NewUser("new_user", AccountKind.Personal);
        newcomer.PhoneNumber = "13800009999";
        db.Users.Add(newcomer);
        return Task.CompletedTask;
    }
}

/// <summary>The approved authority chain province → city → county, each with its approval history.</summary>
public sealed class AuthoritiesDemoSeeder : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync(ct);
        var hrss = demo.Units["hrss"];
        Authority? parent = null;
        UnitAccount reviewer = hrss;
        foreach (var (key, level) in new[] { ("province", AffiliationLevel.Province), ("city", AffiliationLevel.City), ("county", AffiliationLevel.County) })
        {
            var unit = demo.Units[key];
            var authority = new Authority
            {
                UnitAccountId = unit.Id, Name = unit.Name, CodeType = unit.CodeType, Code = unit.Code,
                Nature = "机关", Level = level, SeriesId = series, RegionCode = unit.RegionCode,
                ParentAuthorityId = parent?.Id, ContactName = demo.Operators[key].RealName!,
                OfficePhone = "020-83333333", Mobile = demo.Operators[key].PhoneNumber!, Email = $"{key}@gd.gov.cn",
                PostalCode = "510000", Address = "广州市越秀区" + unit.Name, Functions = unit.Name + "负责本行业专业技术人员继续教育的组织实施与监督管理。",
                CreatedAt = demo.Now, ApprovedAt = demo.Now,
            };
            db.Authorities.Add(authority);
            await db.SaveChangesAsync(ct);

            var step = level == AffiliationLevel.Province ? "省级行业主管单位信息审核,人社业务主管部门" : "市(县、区)行业主管单位信息审核";
            var reviewCase = ReviewCase.Open(ReviewKind.AuthorityApplication, authority.Id, demo.Now.Year, unit.Id, unit.Name, reviewer.Id, reviewer.Name, step, demo.Now);
            var applicant = new Common.Actor(demo.Operators[key].Id, demo.Operators[key].UserName!, unit.Id, unit.Name);
            reviewCase.Submit(applicant, demo.Now, "行业主管角色申请");
            var reviewerKey = reviewer == hrss ? "hrss" : key == "city" ? "province" : "city";
            reviewCase.Approve(new Common.Actor(demo.Operators[reviewerKey].Id, demo.Operators[reviewerKey].UserName!, reviewer.Id, reviewer.Name), "同意", demo.Now);
            db.ReviewCases.Add(reviewCase);
            demo.Authorities[key] = authority;
            parent = authority;
            reviewer = unit;
        }
    }
}
