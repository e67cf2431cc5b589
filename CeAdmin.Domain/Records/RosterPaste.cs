using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Records;

/// <summary>Reads a 结业名单 pasted from a spreadsheet: one person a line, cells split by tabs, commas or spaces.</summary>
public static class RosterPaste
{
    private static readonly char[] Separators = ['\t', ',', '，', ' ', '　', ';', '；'];

    /// <summary>
    /// Each line gives 姓名 and 公民身份号码 in any order, and optionally 性别 and 考核结果; a missing
    /// gender follows from a valid ID number, a missing result is 合格. Blank lines are skipped; nothing
    /// is checked here (the form's validator names what is wrong).
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
                else entry.Name ??= cell;
            }
            if (entry.Gender is null && IdNumber.GenderOf(entry.IdNumber ?? "") is { } g)
                entry.Gender = g == Gender.Male ? RecordValues.Male : RecordValues.Female;
            entries.Add(entry);
        }
        return entries;
    }
}
