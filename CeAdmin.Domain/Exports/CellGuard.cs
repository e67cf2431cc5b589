using System.Globalization;
using System.Text;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Makes a value safe to put in a spreadsheet cell.
/// <list type="bullet">
/// <item>Text starting with '=', '+', '-', '@', tab or carriage return gets a leading apostrophe, so Excel,
/// LibreOffice and any CSV re-save keep it as text and never run it as a formula (OWASP "CSV injection").
/// The apostrophe is part of the stored text: reading the cell back gives "'=1+1", and Excel shows the
/// apostrophe too (unlike typing '=1+1 in Excel, which sets the hidden quote-prefix style).</item>
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

    /// <summary>The text rules of <see cref="Safe"/> for a string.</summary>
    public static string SafeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = RemoveInvalidXmlChars(text);
        if (clean.Length > 0 && IsFormulaTrigger(clean[0]))
        {
            clean = "'" + clean;
        }
        return clean.Length > MaxCellTextLength ? clean[..MaxCellTextLength] : clean;
    }

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
