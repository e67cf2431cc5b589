using CeAdmin.Domain.Accounts;

namespace CeAdmin.Tests.Accounts;

public class CredentialRuleTests
{
    [Theory]
    [InlineData("abcd")]
    [InlineData("zhang_san01")]
    [InlineData("A1_b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234")] // 30 chars
    public void Valid_login_name_passes(string value) => Assert.True(LoginNameRule.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")] // too short
    [InlineData("abcdefghijklmnopqrstuvwxyz12345")] // 31 chars
    [InlineData("zhang-san")]
    [InlineData("zhang san")]
    [InlineData("张三丰四")]
    [InlineData("user@mail")]
    public void Invalid_login_name_fails(string? value) => Assert.False(LoginNameRule.IsValid(value));

    [Theory]
    [InlineData("a1b2c3d4")] // 8 chars
    [InlineData("Gd2024cE!x")]
    [InlineData("abc1357bdf")] // runs of 3 are allowed
    [InlineData("aaa1bbb2")] // repeats of 3 are allowed
    [InlineData("Xy7Xy7Xy7Xy7Xy7X")] // 16 chars
    [InlineData("ab9:cd8;")] // '9' then ':' is not a digit run
    public void Valid_password_passes(string value) => Assert.True(PasswordRule.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a1b2c3d")] // 7 chars
    [InlineData("a1b2c3d4e5f6g7h8i")] // 17 chars
    [InlineData("qwertyui")] // no digit
    [InlineData("13579864")] // no letter
    [InlineData("a1b2 c3d4")] // space not allowed
    [InlineData("密码a1b2c3d4")] // non-ASCII
    [InlineData("x9abcdq7")] // ascending letters
    [InlineData("x9ABcDq7")] // ascending letters, mixed case
    [InlineData("qx1234zz")] // ascending digits
    [InlineData("qx4321zz")] // descending digits
    [InlineData("z7dcba9y")] // descending letters
    [InlineData("k2aaaa9m")] // repeated letters
    [InlineData("k2aAaA9m")] // repeated letters, mixed case
    [InlineData("k21111mn")] // repeated digits
    [InlineData("k2!!!!mn")] // repeated symbols
    public void Invalid_password_fails(string? value) => Assert.False(PasswordRule.IsValid(value));
}
