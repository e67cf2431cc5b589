using System.Globalization;
using System.Text;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Makes a value safe to put in a spreadsheet cell.
/// <list type="bullet">
/// <item>Text starting with '=', '+', '-', '@', tab or carriage return (<see cref="NeedsQuotePrefix"/>) stays
/// exactly as entered; the writers give its cell the quote-prefix style (what Excel sets when one types
/// '=1+1), so Excel and LibreOffice show the text without an apostrophe, keep it as text when the cell is
/// edited, and never run it as a formula (OWASP "CSV injection"). No cell is ever written as a formula.</item>
/// <item>Characters XML 1.0 cannot carry (control characters other than tab, LF and CR, U+FFFE, U+FFFF,
/// lone surrogates) are removed; text is cut to Excel's cell limit of 32,767 characters.</item>
/// <item>Numbers, bool and DateTime stay typed. DateOnly becomes a "yyyy-MM-dd" string; TimeOnly
/// "HH:mm:ss"; DateTimeOffset its wall-clock DateTime. NaN and infinities become empty.</item>
/// <item>null and DBNull stay null (an empty cell). Anything else becomes its invariant-culture text, guarded.</item>
/// </list>
/// </summary>
public static class CellGuard
{
    public const int MaxCellTextLength = 32_767;

    public static object? Safe(object? value) => value switch
    {
        null or DBNull => null,
        string s => SafeText(s),
        bool or byte or sbyte or short or ushort or int or uint or long or ulong or decimal => value,
        double d => double.IsFinite(d) ? d : null,
        float f => float.IsFinite(f) ? f : null,
        Half h => Half.IsFinite(h) ? (double)h : null,
        DateTime => value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.DateTime,
        char c => SafeText(c.ToString()),
        IFormattable f => SafeText(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => SafeText(value.ToString() ?? string.Empty),
    };

    /// <summary>The text rules of <see cref="Safe"/> for a string: XML-safe, at most a cell's length, otherwise unchanged.</summary>
    public static string SafeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = RemoveInvalidXmlChars(text);
        return clean.Length > MaxCellTextLength ? clean[..MaxCellTextLength] : clean;
    }

    /// <summary>True when the cell holding this (safe) value must carry the quote-prefix style: text a spreadsheet could take for a formula.</summary>
    public static bool NeedsQuotePrefix(object? safeValue) => safeValue is string { Length: > 0 } s && IsFormulaTrigger(s[0]);

    /// <summary>True when a cell text starting with this character could be taken as a formula.</summary>
    public static bool IsFormulaTrigger(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string RemoveInvalidXmlChars(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var width))
            {
                firstBad = i;
                break;
            }
            i += width - 1;
        }
        if (firstBad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsValidAt(text, i, out var width))
            {
                sb.Append(text, i, width);
                i += width - 1;
            }
        }
        return sb.ToString();
    }

    private static bool IsValidAt(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return true;
            }
            return false;
        }
        if (char.IsLowSurrogate(c))
        {
            return false;
        }
        return c switch
        {
            '\t' or '\n' or '\r' => true,
            < '\u0020' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
    }
}
