using CeAdmin.Domain.Common;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Compliance;

public enum ComplianceStatus { Met, NotMet }

/// <summary>个人学时达标查询's filters: 行政区划 (the region and below), 专业系列, 年度, 达标状态, 姓名.</summary>
public sealed record ComplianceFilter(
    string? RegionCode = null,
    int? SeriesId = null,
    int? Year = null,
    ComplianceStatus? Status = null,
    string? PersonName = null);

/// <summary>A grid (and export) row: one person's hours of one year per category, against the requirement; the ID number masked.</summary>
public sealed record ComplianceRow(
    long RecordId, string PersonName, string MaskedIdNumber, int Year,
    decimal Public, decimal Professional, decimal Elective, decimal Total, int Required, bool Met, string Missing)
{
    public string StatusLabel => ComplianceLabels.Of(Met);

    public static IReadOnlyList<ExportColumn<ComplianceRow>> ExportColumns { get; } = Exports.ExportColumns.For<ComplianceRow>()
        .Text("姓名", r => r.PersonName, 10)
        .Text("公民身份号码", r => r.MaskedIdNumber, 21)
        .Number("年度", r => (int?)r.Year, 8)
        .Number("公需科目学时", r => (decimal?)r.Public, 12)
        .Number("专业科目学时", r => (decimal?)r.Professional, 12)
        .Number("选修科目学时", r => (decimal?)r.Elective, 12)
        .Number("合计学时", r => (decimal?)r.Total, 10)
        .Number("年度应修学时", r => (int?)r.Required, 12)
        .Text("达标状态", r => r.StatusLabel, 10)
        .Text("未达标原因", r => r.Missing, 36)
        .Build();

    public static ComplianceRow From<TKey>(HoursTally<TKey> t, bool met) => new(
        t.LastRecordId, t.PersonName, IdNumber.Mask(t.IdNumber), t.Year,
        (decimal)t.Public, (decimal)t.Professional, (decimal)t.Elective, (decimal)t.Total, t.AnnualRequired, met, ComplianceRule.Missing(t));
}

public static class ComplianceLabels
{
    public const string Met = "达标";
    public const string NotMet = "未达标";
    public static string Of(bool met) => met ? Met : NotMet;
}

/// <summary>A record behind a person's totals (all of them: 不合格 ones are listed but count nowhere).</summary>
public sealed record ComplianceRecordRow(
    long Id, string CourseName, string SubjectType, string StudyMode, DateOnly StartDate, DateOnly EndDate,
    decimal Hours, string Result, string InstitutionName, string SeriesName)
{
    public bool Counts => Result == RecordValues.Passed;
}

/// <summary>One person-year: the totals, the requirement, the status and the records behind them.</summary>
public sealed record ComplianceDetail(
    long RecordId, string PersonName, string MaskedIdNumber, int Year, ComplianceRow Totals,
    int PublicRequired, int ProfessionalRequired, int ElectiveRequired, IReadOnlyList<ComplianceRecordRow> Records)
{
    public static ComplianceRecordRow RowOf(CeRecord r) => new(
        r.Id, r.CourseName, r.SubjectType, r.StudyMode, r.StartDate, r.EndDate, r.Hours, r.Result, r.InstitutionName,
        ReferenceCatalog.SeriesName(r.SeriesId));
}
