using System.Reflection;

namespace CeAdmin.Domain.ReferenceData;

/// <summary>
/// Reference data shipped with the app (embedded, never read from outside at run time) and
/// written by the migrations through HasData, so every database has the same codes.
/// </summary>
public static class ReferenceDataSeed
{
    public static readonly IReadOnlyList<string> SeriesNames =
    [
        "高等学校教师", "中等职业学校教师", "技工院校教师", "中小学教师", "工程技术人员", "卫生技术人员",
        "农业技术人员", "经济专业人员", "会计专业人员", "统计专业人员", "审计专业人员", "翻译专业人员",
        "新闻专业人员", "出版专业人员", "图书资料专业人员", "文物博物专业人员", "档案专业人员",
        "工艺美术专业人员", "艺术专业人员", "群众文化专业人员", "播音主持专业人员", "体育专业人员", "律师",
        "公证员", "船舶专业人员", "民用航空飞行技术人员", "自然科学研究人员", "社会科学研究人员", "实验技术人员",
    ];

    public static IReadOnlyList<ProfessionalSeries> Series { get; } =
        SeriesNames.Select((name, i) => new ProfessionalSeries { Id = i + 1, Name = name, SortOrder = i + 1 }).ToList();

    public static IReadOnlyList<Region> Regions { get; } = LoadRegions();

    /// <summary>Guangdong's rule before 2021 (6 学时 a day, 72 a year) and from 2021 (8 a day, 90 a year).</summary>
    public static IReadOnlyList<HoursRule> HoursRules { get; } =
    [
        .. Enumerable.Range(2016, 5).Select(y => new HoursRule
        {
            Year = y, HoursPerDay = 6, MinutesPerHour = 45, AnnualRequired = 72,
            PublicRequired = 18, ProfessionalRequired = 42, ElectiveRequired = 12,
            ProfessionalExcessCountsAsElective = true, PublicExcessCountsAsElective = false,
            ReportingDeadline = new DateOnly(y + 1, 1, 31), ReviewWorkingDays = 10, PlanLeadDays = 7,
        }),
        .. Enumerable.Range(2021, 10).Select(y => new HoursRule
        {
            Year = y, HoursPerDay = 8, MinutesPerHour = 45, AnnualRequired = 90,
            PublicRequired = 30, ProfessionalRequired = 42, ElectiveRequired = 18,
            ProfessionalExcessCountsAsElective = true, PublicExcessCountsAsElective = false,
            ReportingDeadline = new DateOnly(y + 1, 1, 31), ReviewWorkingDays = 10, PlanLeadDays = 7,
        }),
    ];

    private static List<Region> LoadRegions()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("CeAdmin.Domain.ReferenceData.Seed.regions.csv")
            ?? throw new InvalidOperationException("regions.csv is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header: code,name,parent_code,level
        var list = new List<Region>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            list.Add(new Region
            {
                Code = f[0],
                Name = f[1],
                ParentCode = f[2].Length == 0 ? null : f[2],
                Level = f[3] switch { "province" => RegionLevel.Province, "city" => RegionLevel.City, _ => RegionLevel.County },
            });
        }
        return list;
    }
}
