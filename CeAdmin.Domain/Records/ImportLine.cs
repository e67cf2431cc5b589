using System.Globalization;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Domain.Records;

/// <summary>
/// One data row of an import file, parsed cell by cell. A cell that cannot be read adds a problem
/// naming its column; the row is imported only when it collects none.
/// </summary>
internal sealed class ImportLine
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public required int Row { get; init; }
    public List<(string Column, string Reason)> Problems { get; } = [];

    public string Name { get; private set; } = "";
    public string Gender { get; private set; } = "";
    public string IdNumber { get; private set; } = "";
    public string WorkUnit { get; private set; } = "";
    public string? RegionCode { get; private set; }
    /// <summary>主管部门 as written (optional): checked against the one that follows from region and series.</summary>
    public string? AuthorityName { get; private set; }
    public string CourseName { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public string StudyMode { get; private set; } = "";
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public decimal? Days { get; private set; }
    public string Result { get; private set; } = "";
    public decimal? Hours { get; private set; }
    public string InstitutionName { get; private set; } = "";
    public int? Year { get; private set; }
    public string Location { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string? Remarks { get; private set; }

    public int? CatalogCourseId { get; set; }
    public int? InstitutionId { get; set; }

    /// <summary>What makes two records the same: person, course and dates (the unique index of CeRecord).</summary>
    public (string, DateOnly, DateOnly, string)? Key =>
        Common.IdNumber.IsValid(IdNumber) && Start is { } s && End is { } e && CourseName.Length > 0 ? (IdNumber, s, e, CourseName) : null;

    public void Fail(string column, string reason) => Problems.Add((column, reason));

    public static ImportLine Parse(int row, IDictionary<string, object?> cells)
    {
        var l = new ImportLine { Row = row };
        l.Name = l.ReadName(cells);
        l.Gender = l.OneOf(cells, T.Gender, RecordValues.Genders, ["男性", "女性"]);
        l.IdNumber = l.ReadIdNumber(cells);
        if (l.Gender.Length > 0 && Common.IdNumber.IsValid(l.IdNumber) && !RosterEntryValidator.GenderMatches(l.IdNumber, l.Gender))
            l.Fail(T.Gender, "性别与公民身份号码不符");
        l.WorkUnit = l.Text(cells, T.WorkUnit, RosterEntryValidator.WorkUnitMax);
        var region = l.Text(cells, T.Region, 50);
        if (region.Length > 0)
        {
            l.RegionCode = ReferenceCatalog.ParseRegion(region);
            if (l.RegionCode is null) l.Fail(T.Region, $"无法识别的行政区划“{region}”，请填写行政区划代码（如 440106）或完整名称（如 广州市天河区）");
        }
        var authority = l.Text(cells, T.Authority, 100, required: false);
        l.AuthorityName = authority.Length > 0 ? authority : null;
        l.CourseName = l.Text(cells, T.Course, 100);
        l.SubjectType = l.OneOf(cells, T.SubjectType, RecordValues.SubjectTypes);
        l.StudyMode = l.OneOf(cells, T.StudyMode, ReferenceCatalog.StudyModes);
        l.Start = l.Date(cells, T.Start);
        l.End = l.Date(cells, T.End);
        l.Days = l.Positive(cells, T.Days);
        if (l.Days is { } days && days * 2 != decimal.Floor(days * 2))
        {
            l.Fail(T.Days, "参训天数以0.5天为单位");
            l.Days = null;
        }
        l.Result = l.OneOf(cells, T.Result, RecordValues.Results);
        l.Hours = l.Positive(cells, T.Hours);
        l.InstitutionName = l.Text(cells, T.Institution, 100);
        l.Year = l.ReadYear(cells);
        l.Location = l.Text(cells, T.Location, 100);
        l.Content = l.Text(cells, T.Content, 500);
        var remarks = l.Text(cells, T.Remarks, 500, required: false);
        l.Remarks = remarks.Length > 0 ? remarks : null;
        return l;
    }

    public CeRecord ToRecord(int seriesId, SupervisingAuthority? supervisor, DateTime nowUtc) => new()
    {
        PersonName = Name, Gender = Gender, IdNumber = IdNumber, WorkUnit = WorkUnit, RegionCode = RegionCode!, SeriesId = seriesId,
        AuthorityId = supervisor?.Id, AuthorityName = supervisor?.Name ?? "", CatalogCourseId = CatalogCourseId,
        CourseName = CourseName, SubjectType = SubjectType, StudyMode = StudyMode, StartDate = Start!.Value, EndDate = End!.Value,
        Days = Days!.Value, Result = Result, Hours = Hours!.Value, InstitutionId = InstitutionId, InstitutionName = InstitutionName,
        Year = Year!.Value, Location = Location, Content = Content, Remarks = Remarks, Source = RecordSource.Import, CreatedAt = nowUtc,
    };

    private string Text(IDictionary<string, object?> cells, string column, int max, bool required = true)
    {
        var text = cells.TryGetValue(column, out var v) ? AsText(v) : "";
        if (text.Length == 0)
        {
            if (required) Fail(column, $"请填写{column}");
        }
        else if (text.Length > max)
        {
            Fail(column, $"{column}不能超过{max}个字");
        }
        else if (!TextSafety.IsClean(text))
        {
            // Reported for this row; the save guard would otherwise refuse the whole file.
            Fail(column, column + TextSafety.Message);
        }
        return text;
    }

    /// <summary>姓名 under the one name rule (<see cref="PersonName"/>), so a formula or a control character never becomes a name.</summary>
    private string ReadName(IDictionary<string, object?> cells)
    {
        var text = cells.TryGetValue(T.Name, out var v) ? AsText(v) : "";
        if (text.Length == 0) Fail(T.Name, $"请填写{T.Name}");
        else if (PersonName.Check(text, T.Name) is { } reason) Fail(T.Name, reason);
        return text;
    }

    private string OneOf(IDictionary<string, object?> cells, string column, IReadOnlyList<string> allowed, IReadOnlyList<string>? aliases = null)
    {
        var text = Text(cells, column, 20);
        if (text.Length == 0) return "";
        var alias = aliases?.ToList().IndexOf(text) ?? -1;
        if (alias >= 0) return allowed[alias];
        if (allowed.Contains(text)) return text;
        Fail(column, $"{column}只能为{string.Join("、", allowed)}");
        return "";
    }

    private string ReadIdNumber(IDictionary<string, object?> cells)
    {
        cells.TryGetValue(T.IdNumber, out var v);
        if (v is double or decimal or long or int)
        {
            // Excel keeps 15 significant digits: an ID typed into a number cell has lost its last digits.
            Fail(T.IdNumber, "公民身份号码被存成了数字，末位已丢失：请将该列设置为文本格式后重新填写");
            return "";
        }
        var text = Text(cells, T.IdNumber, 18);
        if (text.Length == 0) return "";
        var id = Common.IdNumber.Normalize(text);
        if (!Common.IdNumber.IsValid(id)) Fail(T.IdNumber, ValidationRules.IdNumberMessage);
        return id;
    }

    private DateOnly? Date(IDictionary<string, object?> cells, string column)
    {
        cells.TryGetValue(column, out var v);
        switch (v)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case double oa when oa is > 0 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(oa));
        }
        var text = Text(cells, column, 20);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Fail(column, $"{column}不是有效的日期，请按 2026-03-01 的格式填写");
        return null;
    }

    private decimal? Positive(IDictionary<string, object?> cells, string column)
    {
        var text = Text(cells, column, 20);
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            Fail(column, $"{column}必须是数字");
            return null;
        }
        if (n <= 0 || n > 9999)
        {
            Fail(column, $"{column}必须大于0且不超过9999");
            return null;
        }
        if (decimal.Round(n, 1) != n)
        {
            Fail(column, $"{column}最多保留1位小数");
            return null;
        }
        return n;
    }

    private int? ReadYear(IDictionary<string, object?> cells)
    {
        var text = Text(cells, T.Year, 10);
        if (text.Length == 0) return null;
        if (int.TryParse(text.TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100) return year;
        Fail(T.Year, "申报年度必须是四位年份，如 2026");
        return null;
    }

    private static string AsText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
