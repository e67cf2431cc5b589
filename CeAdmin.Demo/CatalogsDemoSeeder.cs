using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Demo;

/// <summary>
/// 专业课目录指南 (1.3.1) of 广东省教育厅 for 高等学校教师: this year's published catalog, which the plan
/// pickers offer, and the 2018 one of the manual's screens, whose plans count 6 学时 a day.
/// </summary>
public sealed class CatalogsDemoSeeder : IDemoSeeder
{
    public const string Series = "高等学校教师";

    public int Order => 42;

    private static readonly (string Name, string Content)[] Current =
    [
        ("高校教师师德师风建设", "新时代高校教师职业行为十项准则解读；师德失范典型案例剖析；立德树人与教书育人的实践路径。"),
        ("高校课程思政建设与实践", "课程思政的内涵与设计方法；专业课程思政元素挖掘；课程思政示范课程案例研讨。"),
        ("人工智能赋能高等教育教学", "生成式人工智能在备课、授课与评价中的应用；智慧教学平台使用；人工智能使用的学术规范。"),
        ("一流本科课程建设与教学改革", "一流课程“两性一度”标准；混合式教学设计；课程评价与持续改进。"),
        ("高校教师信息化教学能力提升", "线上线下混合式教学组织；教学视频制作；学习数据分析与教学改进。"),
        ("高校实验室安全管理", "实验室危险化学品、生物与辐射安全管理；应急处置演练；安全责任体系建设。"),
        ("高校辅导员职业能力提升", "思想政治教育与学生事务管理；心理危机识别与干预；网络思想政治工作。"),
    ];

    private static readonly (string Name, string Content)[] Year2018 =
    [
        ("高校教师任教资格培训", "高等教育学、高等教育心理学、高等教育法规与教师职业道德，教学基本技能训练。"),
        ("高校青年教师教学能力提升", "教学设计、课堂组织与教学评价；说课与微格教学训练。"),
        ("工匠精神与广东制造", "工匠精神的时代内涵；广东制造业转型升级与高校人才培养。"),
    ];

    public Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var year = ChinaTime.Today(demo.Clock).Year;
        Add(db, demo, year, new DateOnly(year, 1, 8), Current);
        Add(db, demo, 2018, new DateOnly(2018, 3, 12), Year2018);
        return Task.CompletedTask;
    }

    private static void Add(AppDbContext db, DemoContext demo, int year, DateOnly declaredOn, (string Name, string Content)[] courses)
    {
        var published = DateTime.SpecifyKind(declaredOn.AddDays(3).ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        var catalog = new CourseCatalog
        {
            AuthorityId = demo.Authorities["province"].Id, SeriesId = ReferenceCatalog.Series.Single(s => s.Name == Series).Id, Year = year,
            DeclaredOn = declaredOn, OperatorName = demo.Operators["province"].RealName!, Status = CatalogStatus.Published,
            CreatedAt = published.AddDays(-3), PublishedAt = published,
        };
        foreach (var (name, content) in courses) catalog.Courses.Add(new CatalogCourse { Name = name, Content = content });
        db.CourseCatalogs.Add(catalog);
    }
}
