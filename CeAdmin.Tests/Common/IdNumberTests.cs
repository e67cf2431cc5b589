using CeAdmin.Domain.Common;

namespace CeAdmin.Tests.Common;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")] // lower-case x accepted
    [InlineData(" 11010519491231002X ")] // surrounding spaces from copy/paste
    [InlineData("440524198001010013")]
    [InlineData("110101200002290018")] // leap day
    public void Valid_numbers_pass(string value) => Assert.True(IdNumber.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("11010519491231002")] // 17 chars
    [InlineData("11010519491231002X1")] // 19 chars
    [InlineData("110105194913310021")] // month 13, check digit otherwise correct
    [InlineData("110101190002290011")] // 1900 is not a leap year
    [InlineData("110101300001010019")] // future birth date
    [InlineData("440524188001010014")] // born before 1900: a typo, not a learner
    [InlineData("11010519491231A02X")] // letter in body
    [InlineData("1101051949123100２X")] // full-width digit
    [InlineData("11010519491231002Y")] // illegal check char
    public void Invalid_numbers_fail(string? value) => Assert.False(IdNumber.IsValid(value));

    [Fact]
    public void Normalize_trims_and_uppercases_x() =>
        Assert.Equal("11010519491231002X", IdNumber.Normalize(" 11010519491231002x "));

    [Theory]
    [InlineData("44010119900101123X", "4401**********123X")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "*******8")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_hides_middle_and_never_reveals_whole_number(string? value, string expected) =>
        Assert.Equal(expected, IdNumber.Mask(value));

    [Theory]
    [InlineData("11010519491231002X", Gender.Female)] // 17th digit 2
    [InlineData("440524198001010013", Gender.Male)] // 17th digit 1
    public void GenderOf_uses_17th_digit(string value, Gender expected) =>
        Assert.Equal(expected, IdNumber.GenderOf(value));

    [Fact]
    public void GenderOf_invalid_number_is_null() => Assert.Null(IdNumber.GenderOf("110105194912310021"));

    [Theory]
    [InlineData(Gender.Male, "男")]
    [InlineData(Gender.Female, "女")]
    public void Gender_labels_are_chinese(Gender gender, string expected) => Assert.Equal(expected, gender.ToLabel());
}
