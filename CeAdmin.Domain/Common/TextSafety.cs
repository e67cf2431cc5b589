namespace CeAdmin.Domain.Common;

/// <summary>
/// The one rule for free text: no control characters (C0 except tab, line feed and carriage return;
/// DEL; C1) and no bidirectional formatting characters (U+061C, U+200E/F, U+202A–U+202E,
/// U+2066–U+2069), which can make stored text display as something else ("Trojan Source").
/// Every form validator applies it to every text field (<see cref="FormValidator{T}"/>); a
/// SaveChanges guard applies it to every text column of every write, whatever path it came by.
/// </summary>
public static class TextSafety
{
    public const string Message = "不能包含控制字符或文字方向控制符（如 U+0007、U+202E），请删除后重新输入";

    public static bool IsClean(string? text) => text is null || text.AsSpan().IndexOfAny(Forbidden) < 0;

    public static bool IsForbidden(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    private static readonly System.Buffers.SearchValues<char> Forbidden =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(IsForbidden).ToArray());
}
