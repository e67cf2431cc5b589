using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Demo;

/// <summary>
/// 继续教育记录 and what they come from, so that 1.7.1, 统计分析 and the roster page look lived in:
/// published 高等学校教师 catalogs, the two demo institutions' plans of last year and this year with
/// classes (ended and recorded, ended and awaiting their 结业名单, still to run; one plan under review)
/// and about 2,800 records of the last three years over Guangzhou's districts and other cities, plus
/// two other series for the HRSS department's view. It reuses catalogs and institutions that other
/// parts may already have made.
/// </summary>
public sealed class RecordsDemoSeeder : IDemoSeeder
{
    public int Order => 60;

    private static readonly string[] ProfessionalCourses =
    [
        "高校课程思政建设与实践", "人工智能赋能高等教育教学", "一流本科课程建设与教学改革", "科研项目申报与管理",
        "教学设计与课堂组织", "教育数据分析与应用", "高校实验室安全管理", "产教融合与新工科建设",
    ];
    private static readonly string[] PublicCourses = ["专业技术人员职业道德与诚信建设", "数字经济与创新驱动发展", "知识产权保护与运用", "心理健康与压力管理"];
    private static readonly string[] ElectiveCourses = ["学术论文写作与规范", "办公软件高级应用", "演讲与沟通技巧"];

    // (region, weight): Guangzhou's districts carry most records; other cities appear for the province and HRSS views.
    private static readonly (string Region, int Weight)[] Regions =
    [
        ("440106", 14), ("440104", 10), ("440105", 8), ("440103", 6), ("440111", 6), ("440112", 4), ("440113", 4), ("440114", 2), ("440100", 3),
        ("440304", 6), ("440305", 5), ("440604", 4), ("440606", 3), ("441900", 4), ("440402", 3), ("440507", 2), ("440803", 2), ("441302", 2), ("442000", 2),
    ];

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var random = new Random(20260302);
        var today = ChinaTime.Today(demo.Clock);
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync(ct);
        var years = Enumerable.Range(today.Year - 2, 3).ToArray();

        var courses = new Dictionary<int, List<CatalogCourse>>();
        foreach (var year in years) courses[year] = await CatalogAsync(db, demo, series, year, ct);
        var institutions = new[] { await InstitutionAsync(db, demo, "inst_province", AffiliationLevel.Province, ct), await InstitutionAsync(db, demo, "inst_city", AffiliationLevel.City, ct) };
        await db.SaveChangesAsync(ct);

        var recordedClasses = await PlansAsync(db, demo, series, today, courses, institutions, ct);
        var supervisors = await SupervisorDirectory.LoadAsync(db, [series], ct);

        var people = Enumerable.Range(0, 280).Select(i => Person(random, Pick(random, Regions), i)).ToList();
        var seen = new HashSet<(string, DateOnly, DateOnly, string)>();
        var records = new List<CeRecord>();
        foreach (var year in years)
        {
            var rule = ReferenceDataSeed.HoursRules.Single(r => r.Year == year);
            // The current year has only begun: fewer people have records yet.
            foreach (var person in people.Where((_, i) => year < today.Year || i % 3 == 0))
                records.AddRange(YearOfLearning(random, person, year, rule, today, series, courses[year], institutions, supervisors));
        }
        records.AddRange(OtherSeries(random, years, institutions));
        records.AddRange(EarlierEra(people, series, institutions, supervisors));
        var rosterSeq = 0;
        foreach (var (cls, plan) in recordedClasses)
            records.AddRange(Recorded(cls, plan, courses[plan.Year], institutions.Single(i => i.UnitAccountId == plan.OwnerUnitId), supervisors, series, demo.Now, rosterSeq++));

        foreach (var r in records.Where(r => seen.Add((r.IdNumber, r.StartDate, r.EndDate, r.CourseName))).OrderBy(r => r.StartDate))
        {
            if (r.CreatedAt == default) r.CreatedAt = demo.Now;
            db.CeRecords.Add(r);
        }
    }

    private sealed record DemoPerson(string Name, string Gender, string IdNumber, string Region, string WorkUnit);

    // Higher-education employers by region (the demo's main series is 高等学校教师); other regions get a generic college.
    private static readonly Dictionary<string, string[]> Employers = new()
    {
        ["440106"] = ["华南师范大学", "暨南大学", "华南理工大学", "广东技术师范大学"],
        ["440104"] = ["广州城市职业学院", "广东省外语艺术职业学院"],
        ["440105"] = ["中山大学", "广东财经大学"],
        ["440103"] = ["广东医科大学荔湾校区", "广州铁路职业技术学院"],
        ["440111"] = ["广州医科大学", "广州中医药大学"],
        ["440113"] = ["广州大学", "广东工业大学"],
        ["440100"] = ["广州市高等教育研究所"],
        ["440304"] = ["深圳大学", "深圳职业技术大学"],
        ["440305"] = ["南方科技大学", "哈尔滨工业大学（深圳）"],
        ["440604"] = ["佛山科学技术学院"],
        ["441900"] = ["东莞理工学院"],
        ["440000"] = ["广东省教育研究院"],
    };

    private static string EmployerIn(string region, int i) =>
        Employers.TryGetValue(region, out var names) ? names[i % names.Length] : ReferenceCatalog.RegionName(region) + "职业技术学院";

    private static DemoPerson Person(Random random, string region, int i)
    {
        var name = DemoNames.Next(random);
        var birth = new DateOnly(1965, 1, 1).AddDays(random.Next(365 * 33));
        // An ID number starts with a county's code; a city-level person gets one of the city's districts.
        var birthplace = ReferenceCatalog.ChildrenOf(region) is { Count: > 0 } districts ? districts[i % districts.Count].Code : region;
        var id = DemoIds.IdNumber(birthplace, birth, 100 + i % 900);
        var gender = IdNumber.GenderOf(id) == Gender.Male ? RecordValues.Male : RecordValues.Female;
        return new DemoPerson(name, gender, id, region, EmployerIn(region, i));
    }

    /// <summary>A person's year: one or two public courses, one to three professional ones, maybe an elective; most people meet the rule.</summary>
    private static IEnumerable<CeRecord> YearOfLearning(Random random, DemoPerson p, int year, HoursRule rule, DateOnly today, int series,
        List<CatalogCourse> catalog, Institution[] institutions, SupervisorDirectory supervisors)
    {
        var plan = new List<(string Subject, string Course, int? CourseId, int Days)>();
        for (var i = random.Next(1, 3); i > 0; i--) plan.Add((RecordValues.Public, PublicCourses[random.Next(PublicCourses.Length)], null, random.Next(2, 5)));
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var c = catalog[random.Next(catalog.Count)];
            plan.Add((RecordValues.Professional, c.Name, c.Id, random.Next(2, 5)));
        }
        if (random.Next(3) > 0) plan.Add((RecordValues.Elective, ElectiveCourses[random.Next(ElectiveCourses.Length)], null, random.Next(2, 4)));

        var lastDay = year < today.Year ? new DateOnly(year, 12, 20) : today.AddDays(-3);
        foreach (var (subject, course, courseId, days) in plan)
        {
            var start = new DateOnly(year, 1, 5).AddDays(random.Next(Math.Max(1, lastDay.DayNumber - new DateOnly(year, 1, 5).DayNumber - days)));
            var inst = institutions[random.Next(institutions.Length)];
            var supervisor = supervisors.For(p.Region, series);
            var failed = random.Next(25) == 0;
            yield return new CeRecord
            {
                PersonName = p.Name, Gender = p.Gender, IdNumber = p.IdNumber, WorkUnit = p.WorkUnit, RegionCode = p.Region, SeriesId = series,
                AuthorityId = supervisor?.Id, AuthorityName = supervisor?.Name ?? "", CatalogCourseId = courseId, CourseName = course,
                SubjectType = subject, StudyMode = ReferenceCatalog.StudyModes[random.Next(ReferenceCatalog.StudyModes.Count)], StartDate = start,
                EndDate = start.AddDays(days - 1), Days = days, Result = failed ? RecordValues.Failed : RecordValues.Passed,
                Hours = days * rule.HoursPerDay, InstitutionId = inst.Id, InstitutionName = inst.Name, Year = year,
                Location = inst.Address, Content = course + "专题学习与研讨", Source = RecordSource.Import,
            };
        }
    }

    /// <summary>
    /// 2020, the 72-学时 era (公需 18 + 专业 42 + 选修 12, 6 学时 a day), for 个人学时达标: 40 of the people, of whom
    /// every third misses (short of 公需, of 专业, or of 选修) and the rest meet it, one of them only because 专业
    /// hours above 42 count toward 选修.
    /// </summary>
    private static IEnumerable<CeRecord> EarlierEra(List<DemoPerson> people, int series, Institution[] institutions, SupervisorDirectory supervisors)
    {
        const int year = 2020;
        var rule = ReferenceDataSeed.HoursRules.Single(r => r.Year == year);
        for (var i = 0; i < 40; i++)
        {
            var p = people[i];
            // Days of 公需 / 专业 / 选修 (6 学时 a day): 3/7/2 meets exactly; 4/9/0 meets through 专业's excess.
            (int Public, int Professional, int Elective) days = (i % 3, i % 9) switch
            {
                (0, 0) => (2, 7, 2),  // 公需 12 of 18
                (0, 3) => (3, 6, 2),  // 专业 36 of 42
                (0, _) => (3, 7, 1),  // 选修 6 of 12
                (_, 1) => (4, 9, 0),
                _ => (3, 7, 2),
            };
            var inst = institutions[i % institutions.Length];
            var supervisor = supervisors.For(p.Region, series);
            var start = new DateOnly(year, 3, 2).AddDays(i % 60);
            foreach (var (subject, course, d) in new[] { (RecordValues.Public, PublicCourses[i % PublicCourses.Length], days.Public),
                         (RecordValues.Professional, ProfessionalCourses[i % ProfessionalCourses.Length], days.Professional),
                         (RecordValues.Elective, ElectiveCourses[i % ElectiveCourses.Length], days.Elective) })
            {
                if (d == 0) continue;
                yield return new CeRecord
                {
                    PersonName = p.Name, Gender = p.Gender, IdNumber = p.IdNumber, WorkUnit = p.WorkUnit, RegionCode = p.Region, SeriesId = series,
                    AuthorityId = supervisor?.Id, AuthorityName = supervisor?.Name ?? "", CourseName = course, SubjectType = subject, StudyMode = "面授培训",
                    StartDate = start, EndDate = start.AddDays(d - 1), Days = d, Result = RecordValues.Passed, Hours = d * rule.HoursPerDay,
                    InstitutionId = inst.Id, InstitutionName = inst.Name, Year = year, Location = inst.Address, Content = course + "专题学习", Source = RecordSource.Import,
                };
                start = start.AddDays(d + 20);
            }
        }
    }

    /// <summary>
    /// A few hundred records of two other series (no demo authority of theirs), for the HRSS department's
    /// statistics: each person's year has the series' professional course, a public one and, for most, an elective.
    /// </summary>
    private static IEnumerable<CeRecord> OtherSeries(Random random, int[] years, Institution[] institutions)
    {
        var others = new[] { ("中小学教师", "广东省教育厅", "中小学教师信息技术应用能力提升"), ("卫生技术人员", "广东省卫生健康委员会", "临床护理新进展") };
        foreach (var (seriesName, authority, professional) in others)
        {
            var seriesId = ReferenceDataSeed.Series.Single(s => s.Name == seriesName).Id;
            for (var i = 0; i < 60; i++)
            {
                var p = Person(random, Pick(random, Regions), 500 + i);
                var year = years[random.Next(years.Length - 1)];
                var rule = ReferenceDataSeed.HoursRules.Single(r => r.Year == year);
                var inst = institutions[random.Next(institutions.Length)];
                var courses = new List<(string Subject, string Course, int Days)> { (RecordValues.Professional, professional, 5), (RecordValues.Public, PublicCourses[random.Next(PublicCourses.Length)], 4) };
                if (random.Next(5) < 3) courses.Add((RecordValues.Elective, ElectiveCourses[random.Next(ElectiveCourses.Length)], 3));
                var start = new DateOnly(year, 3, 1).AddDays(random.Next(200));
                foreach (var (subject, course, days) in courses)
                {
                    yield return new CeRecord
                    {
                        PersonName = p.Name, Gender = p.Gender, IdNumber = p.IdNumber, WorkUnit = p.WorkUnit, RegionCode = p.Region, SeriesId = seriesId,
                        AuthorityName = authority, CourseName = course, SubjectType = subject, StudyMode = "面授培训",
                        StartDate = start, EndDate = start.AddDays(days - 1), Days = days, Result = RecordValues.Passed, Hours = days * rule.HoursPerDay,
                        InstitutionId = inst.Id, InstitutionName = inst.Name, Year = year, Location = inst.Address, Content = course,
                        Source = RecordSource.Import,
                    };
                    start = start.AddDays(days + random.Next(10, 40));
                }
            }
        }
    }

    /// <summary>
    /// An entered 结业名单: 18 to 30 passed people with the records the roster made. Trainees come from the
    /// regions inside the institution's (a city institution trains the city's districts, a province one the
    /// whole province), and each record carries the trainee's own region and 主管部门, as the roster does.
    /// </summary>
    private static IEnumerable<CeRecord> Recorded(TrainingClass cls, TrainingPlan plan, List<CatalogCourse> catalog, Institution inst,
        SupervisorDirectory supervisors, int series, DateTime now, int nth)
    {
        var random = new Random(7 + nth);
        var course = catalog.Single(c => c.Id == plan.CatalogCourseId);
        var prefix = Region.PrefixOf(plan.RegionCode, Region.LevelOf(plan.RegionCode));
        var near = Regions.Where(r => r.Region.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        for (var i = random.Next(18, 31); i > 0; i--)
        {
            var p = Person(random, Pick(random, near), 300 + nth * 40 + i);
            var supervisor = supervisors.For(p.Region, series);
            yield return new CeRecord
            {
                PersonName = p.Name, Gender = p.Gender, IdNumber = p.IdNumber, WorkUnit = p.WorkUnit, RegionCode = p.Region, SeriesId = plan.SeriesId,
                AuthorityId = supervisor?.Id, AuthorityName = supervisor?.Name ?? "", CatalogCourseId = course.Id, CourseName = course.Name,
                SubjectType = RecordValues.Professional, StudyMode = cls.StudyMode, StartDate = cls.StudyStart, EndDate = cls.StudyEnd,
                Days = plan.Days, Result = RecordValues.Passed, Hours = plan.Hours, InstitutionId = inst.Id, InstitutionName = inst.Name,
                Year = plan.Year, Location = cls.Location, Content = course.Content, ClassId = cls.Id, Source = RecordSource.Roster, CreatedAt = now,
            };
        }
    }

    private static async Task<List<CatalogCourse>> CatalogAsync(AppDbContext db, DemoContext demo, int series, int year, CancellationToken ct)
    {
        var existing = await db.CourseCatalogs.Include(c => c.Courses)
            .FirstOrDefaultAsync(c => c.SeriesId == series && c.Year == year && c.Status == CatalogStatus.Published, ct);
        if (existing is not null && existing.Courses.Count > 0) return [.. existing.Courses];
        var catalog = new CourseCatalog
        {
            AuthorityId = demo.Authorities["province"].Id, SeriesId = series, Year = year, DeclaredOn = new DateOnly(year, 1, 8),
            OperatorName = demo.Operators["province"].RealName ?? "", Status = CatalogStatus.Published, CreatedAt = demo.Now, PublishedAt = demo.Now,
        };
        foreach (var name in ProfessionalCourses)
            catalog.Courses.Add(new CatalogCourse { Name = name, Content = name + "的理论、方法与案例分析", Remarks = null });
        db.CourseCatalogs.Add(catalog);
        await db.SaveChangesAsync(ct);
        return [.. catalog.Courses];
    }

    private static async Task<Institution> InstitutionAsync(AppDbContext db, DemoContext demo, string key, AffiliationLevel level, CancellationToken ct)
    {
        var unit = demo.Units[key];
        var existing = await db.Institutions.FirstOrDefaultAsync(i => i.UnitAccountId == unit.Id, ct);
        if (existing is not null) return existing;
        var institution = new Institution
        {
            UnitAccountId = unit.Id, Name = unit.Name, Code = unit.Code, Level = level, Nature = "事业单位", RegionCode = unit.RegionCode,
            ParentAuthorityName = level == AffiliationLevel.Province ? "广东省教育厅" : "广州市教育局",
            LegalName = demo.Operators[key].RealName ?? "", LegalPhone = "020-38888888", LegalEmail = key + "@edu.gd.cn",
            ContactName = demo.Operators[key].RealName ?? "", ContactPhone = demo.Operators[key].PhoneNumber ?? "", ContactEmail = key + "@edu.gd.cn",
            Address = ReferenceCatalog.RegionName(unit.RegionCode) + (level == AffiliationLevel.Province ? "中山大道西293号" : "解放北路618号"),
            Profile = unit.Name + "承担专业技术人员继续教育培训任务。", CreatedAt = demo.Now,
        };
        db.Institutions.Add(institution);
        return institution;
    }

    /// <summary>A plan to seed: institution, catalog course, year, approval and its classes (day offsets from the plan's start; recorded or not).</summary>
    private sealed record PlanSpec(int Inst, int Course, int Year, DateOnly Start, int Days, bool Approved, (string Name, int From, int To, bool Recorded)[] Classes);

    /// <summary>
    /// Last year's plans, ended and recorded; this year's: a class ended and recorded, two ended and awaiting
    /// their 结业名单, two still to run, and one plan still under review. Returns the classes whose roster is entered.
    /// </summary>
    private static async Task<List<(TrainingClass Class, TrainingPlan Plan)>> PlansAsync(AppDbContext db, DemoContext demo, int series, DateOnly today,
        Dictionary<int, List<CatalogCourse>> catalogs, Institution[] institutions, CancellationToken ct)
    {
        var lastYear = new DateOnly(today.Year - 1, 4, 1);
        PlanSpec[] specs =
        [
            new(1, 3, today.Year - 1, lastYear, 3, true, [("第一期", 20, 22, true), ("第二期", 120, 122, true)]),
            new(0, 4, today.Year - 1, lastYear.AddDays(60), 2, true, [("暑期班", 45, 46, true)]),
            new(1, 0, today.Year, today.AddDays(-75), 3, true, [("第一期", 15, 17, true), ("第二期", 55, 57, false), ("第三期", 95, 97, false)]),
            new(0, 1, today.Year, today.AddDays(-60), 2, true, [("春季班", 30, 31, false), ("秋季班", 210, 211, false)]),
            new(0, 2, today.Year, today.AddDays(10), 4, false, [("第一期", 30, 33, false)]),
        ];
        var made = new List<(TrainingPlan Plan, PlanSpec Spec)>();
        foreach (var spec in specs)
        {
            var inst = institutions[spec.Inst];
            var course = catalogs[spec.Year][spec.Course];
            var rule = ReferenceDataSeed.HoursRules.Single(r => r.Year == spec.Year);
            // The institution's own enabled teachers run the class, as the plan form requires.
            var teachers = await db.Teachers.Where(t => t.OwnerUnitId == inst.UnitAccountId && t.Enabled).OrderBy(t => t.Id).Take(2).ToListAsync(ct);
            var plan = new TrainingPlan
            {
                OwnerUnitId = inst.UnitAccountId, OwnerKind = UnitKind.Institution, OwnerName = inst.Name, RegionCode = inst.RegionCode,
                CatalogCourseId = course.Id, SeriesId = series, Year = spec.Year, Name = $"{spec.Year}年{course.Name}研修班",
                Days = spec.Days, Hours = spec.Days * rule.HoursPerDay, PlannedSessions = spec.Classes.Length,
                StartDate = spec.Start, EndDate = spec.Start.AddDays(240), Content = course.Content,
                Audience = "全省高等学校专任教师", CreatedAt = demo.Now, ApprovedAt = spec.Approved ? demo.Now : null,
            };
            foreach (var (name, from, to, _) in spec.Classes)
            {
                var head = teachers.FirstOrDefault();
                var trainingClass = new TrainingClass
                {
                    Name = $"{course.Name}{name}", PlannedOpenDate = spec.Start.AddDays(from), StudyMode = "面授培训",
                    StudyStart = spec.Start.AddDays(from), StudyEnd = spec.Start.AddDays(to), PlannedEnrolment = 40, ExamType = "笔试",
                    Location = inst.Address, Schedule = "上午 9:00-12:00 专题讲授；下午 14:00-17:00 研讨与实操",
                    HeadTeacherId = head?.Id, HeadTeacherName = head?.Name ?? inst.ContactName, HeadTeacherPhone = head?.Phone ?? "13800001234",
                    HeadTeacherIdNumber = head?.IdNumber ?? DemoIds.IdNumber("440106", new DateOnly(1978, 5, 6), 211),
                    HeadTeacherEmail = head?.Email ?? "head@edu.gd.cn", HeadTeacherTitle = head?.Title ?? "副教授",
                };
                trainingClass.Instructors.AddRange(teachers.Select(t => new ClassInstructor { TeacherId = t.Id }));
                trainingClass.Subjects.AddRange(new[] { "专题讲授", "案例研讨" }.Select(n => new ClassSubject { Name = n }));
                plan.Classes.Add(trainingClass);
            }
            db.TrainingPlans.Add(plan);
            made.Add((plan, spec));
        }
        await db.SaveChangesAsync(ct);

        foreach (var (plan, spec) in made)
        {
            var inst = institutions[spec.Inst];
            var reviewerKey = inst.Level == AffiliationLevel.Province ? "province" : "city";
            var applicantKey = inst.Level == AffiliationLevel.Province ? "inst_province" : "inst_city";
            var reviewer = demo.Units[reviewerKey];
            var review = ReviewCase.Open(ReviewKind.TrainingPlan, plan.Id, plan.Year, inst.UnitAccountId, inst.Name, reviewer.Id, reviewer.Name, "专业课计划审核", demo.Now);
            review.Submit(new Actor(demo.Operators[applicantKey].Id, demo.Operators[applicantKey].UserName!, inst.UnitAccountId, inst.Name), demo.Now, "专业课计划申报信息申报");
            db.Attachments.Add(Attachment.Create(PlanService.OwnerType, plan.Id, "培训方案", "培训方案.pdf", DemoFiles.CertificatePdf,
                demo.Operators[applicantKey].UserName!, inst.UnitAccountId, demo.Now));
            if (spec.Approved)
                review.Approve(new Actor(demo.Operators[reviewerKey].Id, demo.Operators[reviewerKey].UserName!, reviewer.Id, reviewer.Name), "同意", demo.Now);
            db.ReviewCases.Add(review);
        }
        return [.. made.SelectMany(m => m.Plan.Classes.Where((_, i) => m.Spec.Classes[i].Recorded).Select(c => (c, m.Plan)))];
    }

    private static string Pick(Random random, (string Region, int Weight)[] weighted)
    {
        var n = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (region, weight) in weighted)
        {
            if (n < weight) return region;
            n -= weight;
        }
        return weighted[0].Region;
    }
}
