using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using MiniExcelLibs;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Tests.Records;

/// <summary>Rows of an import workbook: a valid 2025 天河区 row of the Guangzhou authority's series unless told otherwise.</summary>
internal static class ImportRows
{
    public const string Institution = "广州市专业技术人员继续教育培训中心";
    public const string Course = "高校课程思政建设与实践";

    public static string Id(string region, int seq, int year = 1986) => DemoIds.IdNumber(region, new DateOnly(year, 3, 15), seq);
    public static string GenderOf(string id) => IdNumber.GenderOf(id) == Gender.Male ? "男" : "女";

    public static Dictionary<string, object?> Row(string id, string region = "440106", string course = Course, string subject = "专业科目",
        object? start = null, object? end = null, object? days = null, object? hours = null, string institution = Institution, object? year = null,
        string? gender = null, object? idCell = null, string name = "测试学员", string unit = "华南师范大学", string? authority = null) => new()
    {
        [T.Name] = name, [T.Gender] = gender ?? GenderOf(id), [T.IdNumber] = idCell ?? id, [T.WorkUnit] = unit, [T.Region] = region, [T.Authority] = authority, [T.Course] = course,
        [T.SubjectType] = subject, [T.StudyMode] = "面授培训", [T.Start] = start ?? "2025-05-10", [T.End] = end ?? "2025-05-12",
        [T.Days] = days ?? 3d, [T.Result] = "合格", [T.Hours] = hours ?? 24d, [T.Institution] = institution, [T.Year] = year ?? 2025d,
        [T.Location] = "广州市越秀区解放北路618号", [T.Content] = "课程思政的理论与案例", [T.Remarks] = null,
    };

    public static MemoryStream Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        stream.Position = 0;
        return stream;
    }
}
