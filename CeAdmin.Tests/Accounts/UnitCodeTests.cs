using CeAdmin.Domain.Accounts;

namespace CeAdmin.Tests.Accounts;

public class UnitCodeTests
{
    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("12440000455858467J")]
    [InlineData("91440101MA59XXXXXA")] // letters in the body
    [InlineData("914401000000000090")] // check value 31 maps to '0'
    public void Valid_uscc_passes(string value) => Assert.True(UnifiedSocialCreditCode.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91110000600037341A")] // wrong check char
    [InlineData("91110000600037341")] // 17 chars
    [InlineData("91110000600037341L0")] // 19 chars
    [InlineData("91110000600037341l")] // lower case
    [InlineData("9111000060003734IL")] // 'I' is not in the GB 32100 charset
    [InlineData("91110000-60003734L")] // punctuation
    public void Invalid_uscc_fails(string? value) => Assert.False(UnifiedSocialCreditCode.IsValid(value));

    [Theory]
    [InlineData("600037341")] // organization code embedded in 91110000600037341L
    [InlineData("D2143569X")] // check value 10 maps to 'X'
    [InlineData("121000090")] // check value 11 maps to '0'
    [InlineData("MA4UXXXX1")]
    public void Valid_organization_code_passes(string value) => Assert.True(OrganizationCode.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("600037342")] // wrong check char
    [InlineData("D21435690")] // 'X' expected
    [InlineData("60003734-1")] // entered with the dash
    [InlineData("60003734")] // 8 chars
    [InlineData("d2143569X")] // lower case
    [InlineData("D2143569x")] // lower-case check char
    [InlineData("6000#7341")] // illegal char
    public void Invalid_organization_code_fails(string? value) => Assert.False(OrganizationCode.IsValid(value));

    [Theory]
    [InlineData(UnitCodeType.Uscc, "91110000600037341L", true)]
    [InlineData(UnitCodeType.Uscc, "600037341", false)]
    [InlineData(UnitCodeType.OrganizationCode, "600037341", true)]
    [InlineData(UnitCodeType.OrganizationCode, "91110000600037341L", false)]
    public void UnitCode_dispatches_on_type(UnitCodeType type, string value, bool expected) =>
        Assert.Equal(expected, UnitCode.IsValid(type, value));

    [Theory]
    [InlineData(UnitCodeType.Uscc, "统一社会信用代码")]
    [InlineData(UnitCodeType.OrganizationCode, "组织机构代码")]
    public void UnitCodeType_labels_are_chinese(UnitCodeType type, string expected) =>
        Assert.Equal(expected, type.ToLabel());
}
