namespace CeAdmin.Domain.Exports;

/// <summary>
/// How much of an uploaded workbook a reader takes on. <see cref="MaxRows"/> counts every row below the
/// header, empty or not; the byte limits apply to the zip's parts once inflated.
/// </summary>
public sealed record ExcelReadLimits(int MaxRows, int MaxColumns)
{
    /// <summary>For readers that set no limits of their own.</summary>
    public static ExcelReadLimits Default { get; } = new(100_000, 200);

    /// <summary>One part (a sheet, the shared strings) inflated. 20,000 rows of the import template with long texts stay far below.</summary>
    public long MaxPartBytes { get; init; } = 100L * 1024 * 1024;

    public long MaxTotalBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxParts { get; init; } = 1_000;

    public string TooManyRowsMessage => $"工作表超过{MaxRows:N0}行（表头以下的空行也计算在内），请删除多余的行，或分成多个文件导入";

    public string TooManyColumnsMessage => $"工作表超过{MaxColumns}列，请按导入模板的列填写";

    public string TooLargeMessage => $"文件解压后超过{MaxTotalBytes / 1024 / 1024}MB（单个部件不超过{MaxPartBytes / 1024 / 1024}MB），不是正常的导入文件，请按导入模板重新填写";
}
