using System.Globalization;

namespace CeAdmin.Domain.Common;

/// <summary>18-digit resident identity number (GB 11643-1999).</summary>
public static class IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var id = Normalize(value);
        if (id.Length != Length)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * Weights[i];
        }

        return HasValidBirthDate(id) && id[Length - 1] == CheckChars[sum % 11];
    }

    /// <summary>Trims and upper-cases the trailing 'x' so stored values compare equal.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToUpperInvariant();
    }

    /// <summary>Masks the middle for display, e.g. "4401**********123X"; never reveals the whole number.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var id = value.Trim();
        if (id.Length > 8)
        {
            return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));
        }

        // Too short to keep 4+4 and still hide something: show at most the last char.
        return id.Length <= 2
            ? new string('*', id.Length)
            : string.Concat(new string('*', id.Length - 1), id.AsSpan(id.Length - 1));
    }

    /// <summary>Gender from the 17th digit (odd = male); null when the number is invalid.</summary>
    public static Gender? GenderOf(string value)
    {
        if (!IsValid(value))
        {
            return null;
        }

        return (Normalize(value)[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
    }

    private static bool HasValidBirthDate(string id)
    {
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return false;
        }

        // Rejects placeholder/typo years such as 0001 or a future date.
        return birth.Year >= 1900 && birth <= DateOnly.FromDateTime(DateTime.Today);
    }
}
