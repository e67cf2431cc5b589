using System.Globalization;
using System.Text;

namespace CeAdmin.Domain.Attachments;

/// <summary>
/// Turns an uploaded file's name into one that is safe to store, show and send back in a
/// Content-Disposition header, on Windows and on Linux. Chinese characters are kept.
/// </summary>
public static class FileNameSanitizer
{
    public const int MaxLength = 200;
    public const string FallbackName = "附件";

    // Characters a name longer than this after its last dot is not treated as an extension.
    private const int MaxExtensionLength = 16;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// Keeps only the last path segment (after '/' or '\'), drops control, formatting (such as
    /// right-to-left overrides) and reserved characters (&lt;&gt;:"/\|?*), collapses whitespace,
    /// trims dots and spaces, prefixes Windows device names (CON, NUL, COM1...) with "_", and
    /// shortens the name to <see cref="MaxLength"/> characters keeping the extension. Never returns
    /// an empty string: a name with nothing left becomes "附件" plus its extension.
    /// </summary>
    public static string Sanitize(string? fileName)
    {
        var name = fileName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        name = Clean(name.Normalize(NormalizationForm.FormC)).TrimEnd(' ', '.');

        var (stem, extension) = Split(name);
        stem = stem.Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = FallbackName;
        }

        if (ReservedNames.Contains(stem.Split('.')[0].TrimEnd(' ')))
        {
            stem = "_" + stem;
        }

        var room = MaxLength - extension.Length;
        if (stem.Length > room)
        {
            var cut = room;
            if (char.IsLowSurrogate(stem[cut]) && char.IsHighSurrogate(stem[cut - 1]))
            {
                cut--; // Do not split a surrogate pair.
            }

            stem = stem[..cut].TrimEnd(' ', '.');
            if (stem.Length == 0)
            {
                stem = FallbackName;
            }
        }

        return stem + extension;
    }

    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                // A character outside the BMP (rare CJK ideographs, emoji): keep the pair whole.
                AppendPendingSpace(builder, ref pendingSpace);
                builder.Append(c).Append(name[i + 1]);
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || IsInvalid(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }

    private static bool IsInvalid(char c) => c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*';

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return (name, "");
        }

        var extension = name[dot..];
        if (extension.Length < 2 || extension.Length > MaxExtensionLength || extension.Contains(' '))
        {
            return (name, "");
        }

        return (name[..dot], extension);
    }
}
