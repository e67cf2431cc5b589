using CeAdmin.Domain.Exports;

namespace CeAdmin.Domain.Records;

/// <summary>One column of the import template: its Chinese header, whether it must be filled, and how.</summary>
public sealed record ImportColumn(string Header, bool Required, string Rule, double Width);

/// <summary>The .xlsx template of 继续教育记录导入: one header row with the manual's field names.</summary>
public static class RecordImportTemplate
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string IdNumber = "公民身份号码";
    public const string WorkUnit = "工作单位";
    public const string Region = "所属地区";
    public const string Authority = "主管部门";
    public const string Course = "课程名称";
    public const string SubjectType = "科目类型";
    public const string StudyMode = "学习形式";
    public const string Start = "学习开始时间";
    public const string End = "学习结束时间";
    public const string Days = "参训天数";
    public const string Result = "考核结果";
    public const string Hours = "拟申报学时";
    public const string Institution = "施教机构名称";
    public const string Year = "申报年度";
    public const string Location = "学习地点";
    public const string Content = "学习内容";
    public const string Remarks = "备注";

    public const string FileTitle = "继续教育记录导入模板";

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Name, true, $"中文姓名（少数民族姓名可用“·”分隔）或英文字母和空格，不超过{Common.PersonName.MaxLength}字", 10),
        new(Gender, true, "男 或 女，须与公民身份号码一致", 8),
        new(IdNumber, true, "18位，校验位正确；请设置为文本格式，以免末位丢失", 22),
        new(WorkUnit, true, $"学员的工作单位，不超过{RosterEntryValidator.WorkUnitMax}字", 26),
        new(Region, true, "学员工作单位的行政区划代码或名称，如 440106 或 广州市天河区；须在本单位管辖范围内", 16),
        new(Authority, false, "选填：由所属地区和专业系列确定；填写时须与之一致", 22),
        new(Course, true, "专业科目须为本单位专业系列、申报年度已发布专业课目录中的专业课名称", 30),
        new(SubjectType, true, "公需科目、专业科目 或 选修科目", 10),
        new(StudyMode, true, "面授培训、网络培训 或 混合式培训", 10),
        new(Start, true, "日期，如 2026-03-01；不晚于今天，且在申报年度内", 14),
        new(End, true, "日期，不早于学习开始时间、不晚于今天；跨年度的学习最晚于申报年度的次年结束", 14),
        new(Days, true, "以0.5天为单位，不超过学习开始至结束的天数；开始与结束不在同一天时至少1天", 10),
        new(Result, true, "合格 或 不合格", 10),
        new(Hours, true, "大于0，不超过 参训天数 × 申报年度每天学时（学时规定）", 11),
        new(Institution, true, "已在本系统登记的施教机构名称", 30),
        new(Year, true, "四位年份：学习开始时间所在的年度", 10),
        new(Location, true, "不超过100字", 20),
        new(Content, true, "不超过500字", 30),
        new(Remarks, false, "选填，不超过500字", 20),
    ];

    /// <summary>The template: the header row only (frozen, fixed widths), so no sample row is ever imported by mistake.</summary>
    public static Task WriteAsync(Stream output, CancellationToken ct = default) =>
        ExcelExporter.WriteAsync(output, AsyncEnumerable.Empty<object>(),
            Columns.Select(c => new ExportColumn<object>(c.Header, _ => null, c.Width)).ToList(), "继续教育记录", null, ct);
}
