namespace CeAdmin.Domain.Accounts;

/// <summary>18-char unified social credit code (GB 32100-2015).</summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    // Letters I, O, Z, S, V are excluded to avoid confusion with digits.
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != Length)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var code = Charset.IndexOf(value[i], StringComparison.Ordinal);
            if (code < 0)
            {
                return false;
            }

            sum += code * Weights[i];
        }

        var check = (31 - sum % 31) % 31;
        return value[Length - 1] == Charset[check];
    }
}

/// <summary>9-char organization code (GB 11714-1997), entered without the '-' before the check char.</summary>
public static class OrganizationCode
{
    public const int Length = 9;

    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != Length)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var c = value[i];
            int code;
            if (char.IsAsciiDigit(c))
            {
                code = c - '0';
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                code = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            sum += code * Weights[i];
        }

        var check = 11 - sum % 11;
        var expected = check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
        return value[Length - 1] == expected;
    }
}

public enum UnitCodeType
{
    Uscc,
    OrganizationCode,
}

public static class UnitCode
{
    public static bool IsValid(UnitCodeType type, string? value) => type switch
    {
        UnitCodeType.Uscc => UnifiedSocialCreditCode.IsValid(value),
        UnitCodeType.OrganizationCode => OrganizationCode.IsValid(value),
        _ => false,
    };
}

public static class UnitCodeTypeExtensions
{
    public static string ToLabel(this UnitCodeType type) => type switch
    {
        UnitCodeType.Uscc => "统一社会信用代码",
        UnitCodeType.OrganizationCode => "组织机构代码",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
