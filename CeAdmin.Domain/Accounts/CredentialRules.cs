namespace CeAdmin.Domain.Accounts;

public static class LoginNameRule
{
    public const int MinLength = 4;
    public const int MaxLength = 30;

    public static bool IsValid(string? value) =>
        value is { Length: >= MinLength and <= MaxLength } && value.All(IsAllowedChar);

    public static bool IsAllowedChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

public static class PasswordRule
{
    public const int MinLength = 8;
    public const int MaxLength = 16;

    /// <summary>Runs of this many sequential or repeated characters are rejected.</summary>
    public const int MaxRun = 4;

    public const string Message = "密码必须为8-16位不连续字母跟数字混合";

    private const string AllowedSymbols = "!@#$%^&*()_+-=[]{};:'\",.<>/?\\|`~";

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || AllowedSymbols.Contains(c)))
        {
            return false;
        }

        return value.Any(char.IsAsciiLetter) && value.Any(char.IsAsciiDigit) && !HasRun(value);
    }

    /// <summary>Detects abcd / 1234 / dcba / 4321 / aaaa (letters case-insensitive).</summary>
    private static bool HasRun(string value)
    {
        var s = value.ToLowerInvariant();
        int ascending = 1, descending = 1, repeated = 1;
        for (var i = 1; i < s.Length; i++)
        {
            var prev = s[i - 1];
            var cur = s[i];

            // Sequences only count within the same class, so "9:" or "z{" are not runs.
            var sameClass = (char.IsAsciiDigit(prev) && char.IsAsciiDigit(cur))
                || (char.IsAsciiLetter(prev) && char.IsAsciiLetter(cur));

            ascending = sameClass && cur == prev + 1 ? ascending + 1 : 1;
            descending = sameClass && cur == prev - 1 ? descending + 1 : 1;
            repeated = cur == prev ? repeated + 1 : 1;

            if (ascending >= MaxRun || descending >= MaxRun || repeated >= MaxRun)
            {
                return true;
            }
        }

        return false;
    }
}
