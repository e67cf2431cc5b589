using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Demo;

/// <summary>
/// The demo units of the README: the HRSS department, a province, a city and a county authority
/// under it, two institutions and an employer, each with an authorised operator; the 系统管理员 and the
/// 安全审计员.
/// </summary>
public sealed class AccountsDemoSeeder : IDemoSeeder
{
    public int Order => 0;

    private static readonly DemoUnit Hrss = new("hrss", "广东省人力资源和社会保障厅", UnitKind.Hrss, "440000", "hrss_reviewer", "陈志明", "11440000006954321");

    private static readonly DemoUnit[] Units =
    [
        new("province", "广东省教育厅", UnitKind.Authority, "440000", "gd_edu", "李文华", "11440000006954560"),
        new("city", "广州市教育局", UnitKind.Authority, "440100", "gz_edu", "王建国", "11440100006954812"),
        new("county", "广州市天河区教育局", UnitKind.Authority, "440106", "th_edu", "张丽萍", "11440106007524153"),
        new("inst_province", "广东技术师范大学继续教育学院", UnitKind.Institution, "440106", "gpnu_ce", "黄德聪", "12440000455859781"),
        new("inst_city", "广州市专业技术人员继续教育培训中心", UnitKind.Institution, "440104", "gz_train", "刘海燕", "12440100MB2C31542"),
        new("employer", "广州智造科技有限公司", UnitKind.Employer, "440106", "gz_corp", "周晓东", "91440106MA5CK2R37"),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        // Never self-registered: opened the way the system administrator opens it.
        await demo.AddHrssDepartmentAsync(db, Hrss, ct);
        foreach (var unit in Units) demo.AddUnit(db, unit);

        // The two system roles (MLPS 2.0 level 3: separate powers), never self-registered.
        demo.AddSystemAccount(db, SystemRole.Administrator, "sys_admin", "赵立新", "13800000101");
        demo.AddSystemAccount(db, SystemRole.Auditor, "sec_auditor", "孙慧敏", "13800000102");

        // A person bound to no unit yet, to show the sign-in message and the binding flow.
        var newcomer = demo.NewUser("new_user", AccountKind.Personal);
        newcomer.PhoneNumber = "13800009999";
        db.Users.Add(newcomer);
    }
}
