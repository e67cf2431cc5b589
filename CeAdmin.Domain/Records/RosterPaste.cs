using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Records;

/// <summary>Reads a 结业名单 pasted from a spreadsheet: one person a line, cells split by tabs, commas or spaces.</summary>
public static class RosterPaste
{
    private static readonly char[] Separators = ['\t', ',', '，', ' ', '　', ';', '；'];

    /// <summary>
    /// Each line gives 姓名 and 公民身份号码 in any order, and optionally 性别, 工作单位, 所属地区 (a region
    /// code or name) and 考核结果; the first other text is the name, the second the 工作单位. A missing
    /// gender follows from a valid ID number, a missing result is 合格; a missing region stays empty.
    /// Blank lines are skipped; nothing is checked here (the form's validator names what is wrong).
    /// </summary>
    public static List<RosterEntry> Parse(string? text)
    {
        var entries = new List<RosterEntry>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var cells = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells.Length == 0) continue;
            var entry = new RosterEntry { Result = RecordValues.Passed };
            foreach (var cell in cells)
            {
                if (RecordValues.Genders.Contains(cell) || cell is "男性" or "女性") entry.Gender = cell[..1];
                else if (RecordValues.Results.Contains(cell)) entry.Result = cell;
                else if (cell.Length >= 15 && cell.Count(char.IsAsciiDigit) >= 15) entry.IdNumber = IdNumber.Normalize(cell);
                else if (entry.RegionCode is null && ReferenceCatalog.ParseRegion(cell) is { } region) entry.RegionCode = region;
                else if (entry.Name is null) entry.Name = cell;
                else entry.WorkUnit ??= cell;
            }
            if (entry.Gender is null && IdNumber.GenderOf(entry.IdNumber ?? "") is { } g)
                entry.Gender = g == Gender.Male ? RecordValues.Male : RecordValues.Female;
            entries.Add(entry);
        }
        return entries;
    }
}
