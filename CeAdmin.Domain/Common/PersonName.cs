namespace CeAdmin.Domain.Common;

/// <summary>
/// The one rule for a person's 姓名, wherever one is entered (records, 结业名单, teachers and so head
/// teachers, operators, real-name verification, contact persons): a Chinese name, with the middle dot
/// "·" between the parts of a minority or transliterated name (阿沛·阿旺晋美), or a foreign name of
/// Latin letters and single spaces (John Smith). A text that a spreadsheet would run as a formula
/// (= + - @ first) or that holds control characters is refused with its own message.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 50;

    /// <summary>The separator of the parts of a name (U+00B7, what Chinese input methods type).</summary>
    public const char MiddleDot = '·';

    public static bool IsValid(string? name) => Check(name, "姓名") is null;

    /// <summary>Null when the (trimmed) name is acceptable or empty (required-ness is the caller's rule); otherwise why not.</summary>
    public static string? Check(string? name, string label)
    {
        // Control characters count even at the ends: not every form trims what it saves.
        if (name is not null && name.Any(char.IsControl)) return $"{label}不能包含控制字符";
        var t = name?.Trim() ?? "";
        if (t.Length == 0) return null;
        if (t[0] is '=' or '+' or '-' or '@') return $"{label}不能以 = + - @ 开头";
        if (t.Length > MaxLength) return $"{label}不能超过{MaxLength}个字";
        return IsChinese(t) || IsForeign(t) ? null
            : $"{label}只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格";
    }

    /// <summary>Han characters in parts joined by single middle dots: neither first, nor last, nor doubled.</summary>
    private static bool IsChinese(string t) =>
        t.Split(MiddleDot).All(part => part.Length > 0 && part.All(IsHan));

    /// <summary>Latin letters in words joined by single spaces.</summary>
    private static bool IsForeign(string t) =>
        t.Split(' ').All(word => word.Length > 0 && word.All(IsLatinLetter));

    // CJK Unified Ideographs, extension A and the compatibility block; rarer extensions are surrogate pairs.
    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    // ASCII letters and the accented Latin letters of Latin-1 and Latin Extended-A/B (é, ü, ñ, ø…).
    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));
}
