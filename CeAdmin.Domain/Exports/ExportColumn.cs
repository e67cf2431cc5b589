namespace CeAdmin.Domain.Exports;

/// <summary>
/// One column of a streamed query export: the Chinese header, how to read the cell value from a row,
/// and the fixed column width in Excel character units.
/// </summary>
/// <remarks>
/// <see cref="Format"/> is an Excel number format applied by MiniExcel to <see cref="DateTime"/> cells
/// of this column (for example "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss"). Leave it null for text and
/// number columns: MiniExcel writes formatted numbers as text, so numbers keep the General format.
/// </remarks>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, double Width = 16)
{
    public string? Format { get; init; }
}

/// <summary>Entry point for building column lists fluently: <c>ExportColumns.For&lt;Row&gt;().Text(...).Build()</c>.</summary>
public static class ExportColumns
{
    public static ExportColumnsBuilder<T> For<T>() => new();
}

public sealed class ExportColumnsBuilder<T>
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly List<ExportColumn<T>> _columns = [];

    /// <summary>Any value; it goes through <see cref="CellGuard.Safe"/> when written.</summary>
    public ExportColumnsBuilder<T> Add(string header, Func<T, object?> value, double width = 16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        ArgumentNullException.ThrowIfNull(value);
        _columns.Add(new ExportColumn<T>(header, value, width));
        return this;
    }

    public ExportColumnsBuilder<T> Text(string header, Func<T, string?> value, double width = 16) =>
        Add(header, row => value(row), width);

    public ExportColumnsBuilder<T> Number<TNumber>(string header, Func<T, TNumber?> value, double width = 12)
        where TNumber : struct =>
        Add(header, row => value(row), width);

    /// <summary>A real Excel date cell shown as yyyy-MM-dd (the DateOnly becomes a DateTime at midnight).</summary>
    public ExportColumnsBuilder<T> Date(string header, Func<T, DateOnly?> value, double width = 12)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(header, row => value(row)?.ToDateTime(TimeOnly.MinValue), width);
        _columns[^1] = _columns[^1] with { Format = DateFormat };
        return this;
    }

    /// <summary>A real Excel date-time cell shown as yyyy-MM-dd HH:mm:ss.</summary>
    public ExportColumnsBuilder<T> DateTime(string header, Func<T, DateTime?> value, double width = 20)
    {
        ArgumentNullException.ThrowIfNull(value);
        Add(header, row => value(row), width);
        _columns[^1] = _columns[^1] with { Format = DateTimeFormat };
        return this;
    }

    /// <summary>true → "是", false → "否", null → empty.</summary>
    public ExportColumnsBuilder<T> YesNo(string header, Func<T, bool?> value, double width = 8) =>
        Add(header, row => value(row) switch { true => "是", false => "否", null => null }, width);

    public IReadOnlyList<ExportColumn<T>> Build() => _columns.ToArray();
}
