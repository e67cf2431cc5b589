using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Teachers;

namespace CeAdmin.Demo;

/// <summary>
/// 师资信息维护 (1.6.1): each demo authority's, institution's and the employer's own registry, with
/// enabled and disabled teachers, so that every unit that files plans finds a populated list and a
/// picker (班主任, 选入教师) with only enabled ones.
/// </summary>
public sealed class TeachersDemoSeeder : IDemoSeeder
{
    public int Order => 40;

    // Seq: an odd one makes a male ID number, an even one a female one (GB 11643's 17th digit).
    private sealed record DemoTeacher(string Owner, string Name, string Region, string Birth, int Seq, string Title, string Phone, string Email, string Courses, string Profile, bool Enabled = true);

    private static readonly DemoTeacher[] Teachers =
    [
        new("province", "张锋清", "440104", "1968-04-12", 131, "教授", "13899665532", "zhangfq@qq.com",
            "《工匠精神与广东制造》《智能制造与产业升级》",
            "华南理工大学机械与汽车工程学院教授、博士生导师，长期从事先进制造技术研究，主持国家自然科学基金项目3项，多次为省内高校教师开展专业技术人员继续教育授课。"),
        new("province", "陈慧敏", "440106", "1975-09-03", 242, "副教授", "13922458816", "chenhm@scut.edu.cn",
            "《高校课程思政建设与实践》《教学设计与课堂组织》",
            "华南师范大学教育科学学院副教授，广东省高校课程思政示范课程负责人，研究方向为高等教育教学论与教师专业发展。"),
        new("province", "黄志强", "440105", "1971-01-26", 357, "研究员", "13560218847", "huangzq@gdas.ac.cn",
            "《科研项目申报与管理》《科技成果转化实务》",
            "广东省科学院研究员，长期从事科技管理与成果转化工作，熟悉国家及省级科研项目申报、评审与验收流程。"),
        new("province", "林晓燕", "440103", "1979-11-18", 468, "教授", "020-87112345", "linxy@gdut.edu.cn",
            "《人工智能赋能高等教育教学》《教育数据分析与应用》",
            "广东工业大学计算机学院教授，省级一流本科课程负责人，致力于人工智能与教育教学的融合研究与推广。"),
        new("province", "吴国栋", "441302", "1966-07-09", 573, "高级工程师", "13702561190", "wugd@163.com",
            "《智能制造技术前沿》",
            "原广东省机械研究所高级工程师，长期从事数控装备研发。现已调离，暂停安排授课。", Enabled: false),

        new("city", "刘建华", "440104", "1973-03-21", 615, "正高级教师", "13826087721", "liujh@gzedu.cn",
            "《中小学教师信息技术应用能力提升》《智慧课堂教学设计》",
            "广州市第六中学正高级教师，广州市名师工作室主持人，长期从事信息技术与学科教学融合的研究与培训。"),
        new("city", "郑丽娟", "440111", "1980-06-14", 726, "高级教师", "13631452208", "zhenglj@gzedu.cn",
            "《心理健康教育与学生发展指导》",
            "广州市教育研究院心理健康教育教研员，国家二级心理咨询师，主持市级心理健康教育课题2项。"),
        new("city", "何文彬", "440113", "1977-12-02", 837, "副教授", "13570886634", "hewb@gzpyp.edu.cn",
            "《职业院校“双师型”教师专业发展》《产教融合与校企合作》",
            "广州番禺职业技术学院副教授，省级“双师型”教师培养培训基地专家，熟悉职业教育教学改革。"),
        new("city", "梁淑仪", "440105", "1986-08-30", 948, "讲师", "13925107743", "liangsy@gzhu.edu.cn",
            "《教育数字化转型与智慧课堂》",
            "广州大学教育学院讲师，研究方向为教育技术学。目前外出访学，暂停安排授课。", Enabled: false),

        new("county", "周振宇", "440106", "1984-02-17", 151, "一级教师", "13802236615", "zhouzy@thedu.cn",
            "《STEM教育与跨学科项目式学习》",
            "天河区教育发展研究院科学教研员，区STEM教育联盟负责人，指导学生获全国青少年科技创新大赛奖项。"),
        new("county", "冯佩珊", "440106", "1982-05-08", 262, "高级教师", "13660358824", "fengps@thedu.cn",
            "《班主任工作艺术与家校沟通》《中小学德育工作实务》",
            "天河区优秀班主任工作室主持人，从事班主任工作二十年，多次承担区级班主任培训授课。"),
        new("county", "罗家豪", "440106", "1976-10-23", 373, "副研究员", "13794402257", "luojh@thedu.cn",
            "《教育科研方法与论文写作》",
            "天河区教育发展研究院副研究员，主持省级教育科研课题1项。因工作调整，暂停安排授课。", Enabled: false),

        new("inst_city", "黄德聪", "440104", "1969-08-15", 411, "教授", "13802561178", "huangdc@scnu.edu.cn",
            "《高校教师职业道德修养》《高等教育学》",
            "华南师范大学教育科学学院教授，长期承担广东省高校教师岗前培训和任教资格培训的授课与考核工作。"),
        new("inst_city", "李晓梅", "440105", "1978-02-09", 522, "副教授", "13926043315", "lixm@gzhu.edu.cn",
            "《高校课程思政教学设计》《教学设计与课堂组织》",
            "广州大学马克思主义学院副教授，广东省课程思政示范课程主讲教师，多次获省级教学成果奖。"),
        new("inst_city", "陈国威", "440106", "1983-12-21", 633, "讲师", "13660217749", "chengw@gdufs.edu.cn",
            "《混合式教学设计与实施》《教学视频制作》",
            "广东外语外贸大学教师发展中心讲师，负责校级混合式教学改革项目，擅长线上课程建设与教学数据分析。"),
        new("inst_city", "苏婉婷", "440111", "1981-04-30", 744, "副教授", "13570092286", "suwt@gzucm.edu.cn",
            "《高校实验室安全管理》《实验教学改革与创新》",
            "广州中医药大学实验教学中心副主任、副教授，从事实验室安全管理与实验教学改革研究十余年。"),
        new("inst_city", "钟振华", "440103", "1958-06-11", 855, "教授", "13903071126", "zhongzh@163.com",
            "《高等教育心理学》",
            "原华南理工大学高等教育研究所教授，已退休，暂停安排授课。", Enabled: false),

        new("inst_province", "杨志坚", "440106", "1970-10-05", 171, "教授", "13802933351", "yangzj@gpnu.edu.cn",
            "《人工智能赋能高等教育教学》《教育数字化转型》",
            "广东技术师范大学计算机科学学院教授，省级虚拟教研室负责人，主持教育部产学合作协同育人项目多项。"),
        new("inst_province", "谭美玲", "440104", "1982-07-19", 282, "副教授", "13711385520", "tanml@gpnu.edu.cn",
            "《职业院校“双师型”教师专业发展》《一流课程建设》",
            "广东技术师范大学教育学院副教授，省级“双师型”教师培养培训基地骨干培训师。"),
        new("inst_province", "邱永康", "440105", "1976-03-02", 393, "副研究员", "13650728841", "qiuyk@gpnu.edu.cn",
            "《高校教学质量评价与改进》",
            "广东技术师范大学教学质量监测与评估中心副研究员，参与本科教学审核评估工作。"),

        new("employer", "郭子健", "440106", "1980-09-27", 415, "高级工程师", "13826451197", "guozj@gzzz-tech.cn",
            "《工业机器人应用技术》《智能产线运维》",
            "广州智造科技有限公司研发中心高级工程师，兼任广州番禺职业技术学院产业导师，承担企业兼职教师培训授课。"),
        new("employer", "麦嘉琪", "440106", "1990-01-16", 526, "工程师", "13631287743", "maijq@gzzz-tech.cn",
            "《智能制造岗位技能实训》",
            "广州智造科技有限公司培训主管、工程师，负责校企合作实训课程开发。"),
    ];

    public Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var day = 0;
        foreach (var t in Teachers)
        {
            db.Teachers.Add(new Teacher
            {
                OwnerUnitId = demo.Units[t.Owner].Id,
                Name = t.Name,
                Gender = t.Seq % 2 == 1 ? Gender.Male : Gender.Female,
                IdNumber = DemoIds.IdNumber(t.Region, DateOnly.Parse(t.Birth, System.Globalization.CultureInfo.InvariantCulture), t.Seq),
                Title = t.Title,
                Phone = t.Phone,
                Email = t.Email,
                Courses = t.Courses,
                Profile = t.Profile,
                Enabled = t.Enabled,
                // Entered over the past weeks, the first listed the most recent.
                CreatedAt = demo.Now.AddDays(-3 * day++),
            });
        }
        return Task.CompletedTask;
    }
}
