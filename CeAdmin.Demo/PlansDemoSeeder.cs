using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;

namespace CeAdmin.Demo;

/// <summary>
/// 专业课计划 in every state, so that each demo account finds 1.4.1, 1.4.2, 1.7.2 and 1.7.3 populated:
/// 广州市专业技术人员继续教育培训中心 (gz_train) has a draft, a plan waiting for 广州市教育局, a returned,
/// a closed and an approved one; 广东技术师范大学继续教育学院 (gpnu_ce) one waiting for 广东省教育厅 and an
/// approved one; the employer (gz_corp) one waiting for 广州市天河区教育局; the authorities' own plans
/// (1.4.2) go to the HRSS department: 广州市教育局's approved and returned, 广东省教育厅's waiting.
/// </summary>
public sealed class PlansDemoSeeder : IDemoSeeder
{
    public int Order => 50;

    private static readonly string[] Ethics = ["新时代高校教师职业行为十项准则解读", "师德失范典型案例剖析", "立德树人实践路径研讨"];
    private static readonly string[] Ideology = ["课程思政元素挖掘与教学设计", "课程思政示范课观摩", "分组说课与点评"];
    private static readonly string[] Digital = ["混合式教学设计", "教学视频制作实操", "学习数据分析与教学改进"];
    private static readonly string[] Ai = ["生成式人工智能与教学设计", "智慧教学平台应用", "人工智能使用的学术规范"];
    private static readonly string[] Courses = ["一流课程“两性一度”标准解读", "混合式一流课程建设案例", "课程评价与持续改进"];

    private static DemoPlan[] Plans(int y) =>
    [
        new("inst_city", "高校教师师德师风建设", $"{y}年高校教师师德师风建设专题培训", 2, D(y, 4, 10), D(y, 11, 30), "广州地区高等学校专任教师", 40,
            ReviewStatus.Approved, "同意",
            [new("第一期", D(y, 4, 16), 60, "黄德聪", ["黄德聪", "李晓梅"], Ethics), new("第二期", D(y, 10, 15), 60, "李晓梅", ["黄德聪", "李晓梅"], Ethics)]),
        new("inst_city", "高校课程思政建设与实践", $"{y}年高校课程思政建设专题培训", 3, D(y, 5, 6), D(y, 12, 15), "高等学校专业课程任课教师", 3,
            ReviewStatus.Submitted, null,
            [new("第一期", D(y, 5, 12), 50, "李晓梅", ["李晓梅", "黄德聪"], Ideology), new("第二期", D(y, 9, 22), 50, "李晓梅", ["李晓梅"], Ideology, "混合式培训")]),
        new("inst_city", "高校教师信息化教学能力提升", $"{y}年高校教师信息化教学能力培训", 2, D(y, 6, 1), D(y, 11, 30), "高等学校青年教师", 12,
            ReviewStatus.Returned, "培训班“课程具体时间安排”只写了日期，请补充每日授课内容和授课教师，并上传盖章的培训方案后重新送审",
            [new("第一期", D(y, 6, 18), 80, "陈国威", ["陈国威"], Digital, "网络培训")]),
        new("inst_city", "高校实验室安全管理", $"{y}年高校实验室安全管理培训", 1, D(y, 3, 20), D(y, 6, 30), "高等学校实验室管理人员", 25,
            ReviewStatus.Closed, "培训对象为实验室管理人员，不属于高等学校教师专业序列专业课计划的培训对象，予以结案",
            [new("第一期", D(y, 4, 8), 40, "苏婉婷", ["苏婉婷"], ["危险化学品安全管理", "实验室应急处置演练"])]),
        new("inst_city", "一流本科课程建设与教学改革", $"{y}年一流本科课程建设研修班", 2.5m, D(y, 9, 1), D(y, 12, 20), "高等学校课程负责人", 0,
            ReviewStatus.Draft, null,
            [new("第一期", D(y, 9, 17), 45, "陈国威", ["陈国威", "李晓梅"], Courses)]),
        new("inst_province", "人工智能赋能高等教育教学", $"{y}年人工智能赋能高等教育教学专题培训", 3, D(y, 5, 1), D(y, 12, 31), "全省高等学校专任教师", 2,
            ReviewStatus.Submitted, null,
            [new("第一期", D(y, 7, 8), 100, "杨志坚", ["杨志坚", "谭美玲"], Ai, "混合式培训")]),
        new("inst_province", "一流本科课程建设与教学改革", $"{y}年职业本科一流课程建设专题研修", 2, D(y, 4, 1), D(y, 10, 31), "职业本科院校专任教师", 30,
            ReviewStatus.Approved, "同意",
            [new("第一期", D(y, 4, 23), 60, "谭美玲", ["谭美玲", "邱永康"], Courses)]),
        new("employer", "高校教师信息化教学能力提升", $"{y}年产业导师教学能力提升培训", 2, D(y, 5, 1), D(y, 9, 30), "本公司在高校兼任产业导师的工程技术人员", 5,
            ReviewStatus.Submitted, null,
            [new("第一期", D(y, 5, 20), 30, "郭子健", ["郭子健", "麦嘉琪"], ["职业院校课堂教学基本功", "岗位技能实训课程设计"])]),
        new("city", "高校辅导员职业能力提升", $"{y}年广州地区高校辅导员职业能力提升培训", 3, D(y, 4, 1), D(y, 11, 30), "广州地区高等学校专职辅导员", 35,
            ReviewStatus.Approved, "同意",
            [new("第一期", D(y, 4, 21), 120, "刘建华", ["郑丽娟", "何文彬"], ["心理危机识别与干预", "网络思想政治工作", "学生事务管理案例"])]),
        new("city", "人工智能赋能高等教育教学", $"{y}年广州市高校教师人工智能应用能力培训", 2, D(y, 6, 1), D(y, 12, 20), "广州市属高等学校专任教师", 8,
            ReviewStatus.Returned, "请在附件材料中补充培训经费预算和师资安排表后重新送审",
            [new("第一期", D(y, 6, 24), 80, "刘建华", ["何文彬"], Ai)]),
        new("province", "高校课程思政建设与实践", $"{y}年全省高校课程思政示范培训", 3, D(y, 5, 1), D(y, 12, 31), "全省高等学校专业课程骨干教师", 1,
            ReviewStatus.Submitted, null,
            [new("第一期", D(y, 6, 10), 150, "陈慧敏", ["陈慧敏", "林晓燕", "张锋清"], Ideology)]),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var plans = new DemoPlans(db, demo);
        foreach (var plan in Plans(ChinaTime.Today(demo.Clock).Year)) await plans.AddAsync(plan, ct);
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}

/// <summary>One demo class: it runs the plan's 培训天数 from <paramref name="Start"/>.</summary>
internal sealed record DemoClass(string Name, DateOnly Start, int Enrolment, string HeadTeacher, string[] Instructors, string[] Subjects, string StudyMode = "面授培训");

/// <summary>One demo plan: who files it, which course of this year's catalog, and where its review stands (DaysAgo: when it was submitted).</summary>
internal sealed record DemoPlan(string Owner, string Course, string Name, decimal Days, DateOnly Start, DateOnly End, string Audience, int DaysAgo,
    ReviewStatus State, string? Opinion, DemoClass[] Classes);
