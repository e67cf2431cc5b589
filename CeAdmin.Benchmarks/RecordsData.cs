using System.Diagnostics;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Domain.Statistics;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Benchmarks;

/// <summary>
/// The benchmark's data set in a SQLite file, made with the app's migrations and bulk-inserted with
/// prepared commands in one transaction: 1,000,000 CE records (100,000 a year, 2017–2026) of 300,000
/// people over all of Guangdong's regions and the 29 series, weighted as the province is (big cities,
/// big series), and 100,000 plans with their classes by 400 institutions, under one province and 21
/// city authorities per series. A file made by the same generator version is reused.
/// </summary>
public static class RecordsData
{
    public const int Records = 1_000_000;
    public const int Plans = 100_000;
    public const int People = 300_000;
    public const int FirstYear = 2017;
    public const int Years = 10;
    private const int Version = 4;

    // Weights of the series by their SortOrder (中小学教师, 卫生技术人员 and 工程技术人员 are the big ones).
    private static readonly int[] SeriesWeights = [5, 3, 1, 30, 15, 20, 4, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1];
    // City weights, roughly by the number of professional technical personnel.
    private static readonly Dictionary<string, int> CityWeights = new()
    {
        ["440100"] = 16, ["440300"] = 16, ["441900"] = 8, ["440600"] = 8, ["441300"] = 4, ["442000"] = 3, ["440700"] = 4, ["440800"] = 4,
        ["440400"] = 3, ["440500"] = 4, ["445200"] = 3, ["440900"] = 3, ["441200"] = 2, ["441400"] = 3, ["441800"] = 2, ["445100"] = 2,
        ["441700"] = 2, ["441500"] = 2, ["441600"] = 2, ["440200"] = 2, ["445300"] = 2,
    };

    public const string ProvinceSeries = "中小学教师";
    public const string HealthSeries = "卫生技术人员";

    /// <summary>Ids the measurements use: the HRSS unit, and the units of the 中小学教师 province and Guangzhou authorities.</summary>
    public const int HrssUnitId = 1;

    public static int ProvinceAuthorityUnitId(int seriesId) => 2 + (seriesId - 1) * 22;
    public static int CityAuthorityUnitId(int seriesId, int cityIndex) => ProvinceAuthorityUnitId(seriesId) + 1 + cityIndex;

    public static AppDbContextOptions Options(string path) =>
        new(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });

    public static async Task EnsureAsync(string path, TextWriter output)
    {
        if (File.Exists(path) && await IsCurrentAsync(path))
        {
            output.WriteLine($"data: reusing {path} ({new FileInfo(path).Length / 1048576.0:N0} MB)");
            return;
        }
        // A pooled connection of the check above would still point at the deleted file.
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var watch = Stopwatch.StartNew();
        await using (var db = Options(path).Create())
        {
            await db.Database.MigrateAsync();
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
                await pragma.ExecuteNonQueryAsync();
            }
            using var tx = connection.BeginTransaction();
            Generate(connection, tx, db.Model, output);
            using (var version = connection.CreateCommand())
            {
                version.Transaction = tx;
                version.CommandText = $"PRAGMA user_version = {Version}";
                await version.ExecuteNonQueryAsync();
            }
            tx.Commit();
            // The rows went in by plain INSERTs, past the save interceptor that keeps the statistics summary: recount it
            // (what `admin rebuild-statistics` does after any such load).
            var rebuild = Stopwatch.StartNew();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await StatisticsSummary.RebuildAsync(db);
            output.WriteLine($"data: statistics summary rebuilt in {rebuild.Elapsed.TotalSeconds:N0} s");
        }
        output.WriteLine($"data: generated {path} in {watch.Elapsed.TotalSeconds:N0} s ({new FileInfo(path).Length / 1048576.0:N0} MB)");
    }

    private static async Task<bool> IsCurrentAsync(string path)
    {
        await using var db = Options(path).Create();
        if ((await db.Database.GetPendingMigrationsAsync()).Any()) return false;
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync()) == Version;
    }

    private sealed record Person(string Name, string Gender, string IdNumber, string Region, int Series);

    private static void Generate(SqliteConnection connection, SqliteTransaction tx, Microsoft.EntityFrameworkCore.Metadata.IModel model, TextWriter output)
    {
        var random = new Random(20260301);
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var cities = ReferenceCatalog.Cities;
        var series = ReferenceCatalog.Series;
        var counties = cities.ToDictionary(c => c.Code, c => ReferenceCatalog.ChildrenOf(c.Code) is { Count: > 0 } k ? k.Select(r => r.Code).ToArray() : [c.Code]);
        var cityPick = Weighted(cities.Select(c => (c.Code, CityWeights[c.Code])).ToList());
        var seriesPick = Weighted(series.Select(s => (s.Id, SeriesWeights[s.SortOrder - 1])).ToList());
        string County(string city) => counties[city][random.Next(counties[city].Length)];

        // Units and authorities: the HRSS department, then per series a province authority and one per city.
        using (var units = new BulkInsert<UnitAccount>(connection, tx, model))
        using (var authorities = new BulkInsert<Authority>(connection, tx, model))
        {
            Unit(units, HrssUnitId, "广东省人力资源和社会保障厅", UnitKind.Hrss, "440000", now);
            foreach (var s in series)
            {
                var provinceUnit = ProvinceAuthorityUnitId(s.Id);
                Unit(units, provinceUnit, $"广东省{s.Name}继续教育主管部门", UnitKind.Authority, "440000", now);
                authorities.Add(Authority(provinceUnit, provinceUnit, $"广东省{s.Name}继续教育主管部门", AffiliationLevel.Province, s.Id, "440000", null, now));
                for (var c = 0; c < cities.Count; c++)
                {
                    var id = CityAuthorityUnitId(s.Id, c);
                    Unit(units, id, $"{cities[c].Name}{s.Name}继续教育主管部门", UnitKind.Authority, cities[c].Code, now);
                    authorities.Add(Authority(id, id, $"{cities[c].Name}{s.Name}继续教育主管部门", AffiliationLevel.City, s.Id, cities[c].Code, provinceUnit, now));
                }
            }
        }
        var authorityOf = series.ToDictionary(s => s.Id, s => cities.Select((c, i) => (c.Code, Id: CityAuthorityUnitId(s.Id, i), Name: $"{c.Name}{s.Name}继续教育主管部门")).ToDictionary(x => x.Code, x => (x.Id, x.Name)));

        // Institutions (unit ids after the authorities).
        var institutions = new List<(int Id, int UnitId, string Name, string Region, string Address)>();
        using (var units = new BulkInsert<UnitAccount>(connection, tx, model))
        using (var insert = new BulkInsert<Institution>(connection, tx, model))
        {
            var firstUnit = CityAuthorityUnitId(series.Count, cities.Count - 1) + 1;
            for (var i = 0; i < 400; i++)
            {
                var city = cityPick(random);
                var region = County(city);
                var name = $"{ReferenceCatalog.RegionName(region)}专业技术人员继续教育学院第{i + 1}分院";
                var address = ReferenceCatalog.RegionName(region) + $"学府路{random.Next(1, 400)}号";
                Unit(units, firstUnit + i, name, UnitKind.Institution, region, now);
                insert.Add(new Institution
                {
                    Id = i + 1, UnitAccountId = firstUnit + i, Name = name, Code = $"12{firstUnit + i:D16}", Level = AffiliationLevel.City,
                    Nature = "事业单位", RegionCode = region, ParentAuthorityName = "", LegalName = "法人", LegalPhone = "020-88888888",
                    LegalEmail = "a@b.cn", ContactName = "联系人", ContactPhone = "13800000000", ContactEmail = "a@b.cn", Address = address,
                    Profile = name, CreatedAt = now,
                });
                institutions.Add((i + 1, firstUnit + i, name, region, address));
            }
        }

        // Published catalogs: 20 courses per series and year.
        var courses = new Dictionary<(int Series, int Year), List<(int Id, string Name, string Content)>>();
        using (var catalogs = new BulkInsert<CourseCatalog>(connection, tx, model))
        using (var items = new BulkInsert<CatalogCourse>(connection, tx, model))
        {
            int catalogId = 0, courseId = 0;
            foreach (var s in series)
            {
                for (var y = FirstYear; y < FirstYear + Years; y++)
                {
                    catalogs.Add(new CourseCatalog
                    {
                        Id = ++catalogId, AuthorityId = ProvinceAuthorityUnitId(s.Id), SeriesId = s.Id, Year = y, DeclaredOn = new DateOnly(y, 1, 10),
                        OperatorName = "经办人", Status = CatalogStatus.Published, CreatedAt = now, PublishedAt = now,
                    });
                    var list = new List<(int, string, string)>();
                    for (var k = 1; k <= 20; k++)
                    {
                        var name = $"{s.Name}专业课程{k:D2}（{y}年版）";
                        items.Add(new CatalogCourse { Id = ++courseId, CatalogId = catalogId, Name = name, Content = name + "的理论与实务" });
                        list.Add((courseId, name, name + "的理论与实务"));
                    }
                    courses[(s.Id, y)] = list;
                }
            }
        }

        // Plans and their classes.
        using (var plans = new BulkInsert<TrainingPlan>(connection, tx, model))
        using (var classes = new BulkInsert<TrainingClass>(connection, tx, model))
        {
            var classId = 0;
            for (var p = 1; p <= Plans; p++)
            {
                var inst = institutions[random.Next(institutions.Count)];
                var s = seriesPick(random);
                var y = FirstYear + random.Next(Years);
                var course = courses[(s, y)][random.Next(20)];
                var days = random.Next(1, 6);
                var start = new DateOnly(y, 1, 1).AddDays(random.Next(300));
                plans.Add(new TrainingPlan
                {
                    Id = p, OwnerUnitId = inst.UnitId, OwnerKind = UnitKind.Institution, OwnerName = inst.Name, RegionCode = inst.Region,
                    CatalogCourseId = course.Id, SeriesId = s, Year = y, Name = $"{y}年{course.Name}培训", Days = days, Hours = days * 8,
                    PlannedSessions = random.Next(1, 4), StartDate = start, EndDate = start.AddDays(60), Content = course.Content,
                    Audience = "专业技术人员", CreatedAt = now, ApprovedAt = random.Next(10) < 8 ? now : null,
                });
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var from = start.AddDays(random.Next(50));
                    classes.Add(new TrainingClass
                    {
                        Id = ++classId, PlanId = p, Name = $"{course.Name}第{k}期", PlannedOpenDate = from, StudyMode = ReferenceCatalog.StudyModes[random.Next(3)],
                        StudyStart = from, StudyEnd = from.AddDays(days - 1), PlannedEnrolment = random.Next(20, 120), ExamType = "笔试",
                        Location = inst.Address, Schedule = "按课表", HeadTeacherName = "班主任", HeadTeacherPhone = "13800000000",
                        HeadTeacherIdNumber = "", HeadTeacherEmail = "t@b.cn", HeadTeacherTitle = "讲师",
                    });
                }
            }
        }
        output.WriteLine($"data: {Plans:N0} plans with classes written");

        // People, then 100,000 records a year in date order (the id order is the order they were entered).
        var people = new Person[People];
        for (var i = 0; i < People; i++)
        {
            var region = County(cityPick(random));
            var birth = new DateOnly(1962, 1, 1).AddDays(random.Next(365 * 38));
            var id = DemoIds.IdNumber(region, birth, random.Next(1000));
            var gender = (id[16] - '0') % 2 == 1 ? RecordValues.Male : RecordValues.Female;
            people[i] = new Person(DemoNames.Next(random), gender, id, region, seriesPick(random));
        }
        var rules = ReferenceDataSeed.HoursRules.ToDictionary(r => r.Year);
        var taken = new HashSet<(int, int)>();
        using var records = new BulkInsert<CeRecord>(connection, tx, model);
        long recordId = 0;
        for (var y = FirstYear; y < FirstYear + Years; y++)
        {
            var batch = new List<CeRecord>(Records / Years);
            while (batch.Count < Records / Years)
            {
                var personIndex = random.Next(People);
                var p = people[personIndex];
                var start = new DateOnly(y, 1, 2).AddDays(random.Next(350));
                if (!taken.Add((personIndex, start.DayNumber))) continue;
                var kind = random.Next(10);
                var (subject, course, courseName, content) = kind < 7
                    ? Pro(courses[(p.Series, y)][random.Next(20)])
                    : kind < 9 ? (RecordValues.Public, (int?)null, "专业技术人员职业道德与诚信建设", "公需科目") : (RecordValues.Elective, null, "办公软件高级应用", "选修科目");
                var days = random.Next(1, 5);
                var inst = institutions[random.Next(institutions.Count)];
                var authority = authorityOf[p.Series][Region.CityOf(p.Region)];
                batch.Add(new CeRecord
                {
                    PersonName = p.Name, Gender = p.Gender, IdNumber = p.IdNumber, RegionCode = p.Region, SeriesId = p.Series,
                    AuthorityId = authority.Id, AuthorityName = authority.Name, CatalogCourseId = course, CourseName = courseName,
                    SubjectType = subject, StudyMode = ReferenceCatalog.StudyModes[random.Next(3)], StartDate = start, EndDate = start.AddDays(days - 1),
                    Days = days, Result = random.Next(30) == 0 ? RecordValues.Failed : RecordValues.Passed, Hours = days * rules[y].HoursPerDay,
                    InstitutionId = inst.Id, InstitutionName = inst.Name, Year = y, Location = inst.Address, Content = content,
                    Source = RecordSource.Import, CreatedAt = now,
                });
            }
            foreach (var r in batch.OrderBy(r => r.StartDate))
            {
                r.Id = ++recordId;
                records.Add(r);
            }
            output.WriteLine($"data: {recordId:N0} records written");
        }

        static (string, int?, string, string) Pro((int Id, string Name, string Content) c) => (RecordValues.Professional, c.Id, c.Name, c.Content);
    }

    private static void Unit(BulkInsert<UnitAccount> units, int id, string name, UnitKind kind, string region, DateTime now) =>
        units.Add(new UnitAccount
        {
            Id = id, Name = name, Kind = kind, CodeType = UnitCodeType.Uscc, Code = $"B{id:D17}", RegionCode = region,
            OwnerUserId = $"bench-owner-{id}", LoginUserId = $"bench-login-{id}", Status = UnitAccountStatus.Active, CreatedAt = now,
        });

    private static Authority Authority(int id, int unitId, string name, AffiliationLevel level, int series, string region, int? parent, DateTime now) => new()
    {
        Id = id, UnitAccountId = unitId, Name = name, CodeType = UnitCodeType.Uscc, Code = $"B{id:D17}", Nature = "机关", Level = level,
        SeriesId = series, RegionCode = region, ParentAuthorityId = parent, ContactName = "联系人", OfficePhone = "020-88888888",
        Mobile = "13800000000", Email = "a@b.cn", PostalCode = "510000", Address = "地址", Functions = "职能", CreatedAt = now, ApprovedAt = now,
    };

    private static Func<Random, T> Weighted<T>(IReadOnlyList<(T Value, int Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        return r =>
        {
            var n = r.Next(total);
            foreach (var (value, weight) in items)
            {
                if (n < weight) return value;
                n -= weight;
            }
            return items[^1].Value;
        };
    }
}
