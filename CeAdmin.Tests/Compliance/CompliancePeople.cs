using CeAdmin.Demo;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Records;

namespace CeAdmin.Tests.Compliance;

/// <summary>Records a test writes for its own people: one person's hours of a year by 科目类型.</summary>
internal static class CompliancePeople
{
    public static string Id(string region, int seq) => DemoIds.IdNumber(region, new DateOnly(1980, 3, 3), seq);

    public static List<CeRecord> Person(string name, string idNumber, string region, int seriesId, int year,
        double pub, double prof, double elective, string result = RecordValues.Passed)
    {
        var list = new List<CeRecord>();
        var day = 1;
        void Add(string type, double hours)
        {
            if (hours <= 0) return;
            var start = new DateOnly(year, 3, day++);
            list.Add(new CeRecord
            {
                PersonName = name, Gender = "男", IdNumber = idNumber, WorkUnit = "测试单位", RegionCode = region, SeriesId = seriesId,
                AuthorityName = "测试主管部门", CourseName = $"{type}课程{day}", SubjectType = type, StudyMode = "面授培训",
                StartDate = start, EndDate = start, Days = 1, Result = result, Hours = (decimal)hours, InstitutionName = "达标测试学院",
                Year = year, Location = "广州", Content = "测试", Source = RecordSource.Import, CreatedAt = DateTime.UtcNow,
            });
        }
        Add(RecordValues.Public, pub);
        Add(RecordValues.Professional, prof);
        Add(RecordValues.Elective, elective);
        return list;
    }

    public static async Task AddAsync(AppDbContext db, params IEnumerable<CeRecord>[] people)
    {
        foreach (var p in people) db.CeRecords.AddRange(p);
        await db.SaveChangesAsync();
    }
}
