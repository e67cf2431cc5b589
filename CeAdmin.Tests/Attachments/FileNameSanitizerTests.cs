using CeAdmin.Domain.Attachments;

namespace CeAdmin.Tests.Attachments;

public sealed class FileNameSanitizerTests
{
    [Theory]
    [InlineData("营业执照.pdf", "营业执照.pdf")]
    [InlineData("Report 2025.PDF", "Report 2025.PDF")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\config.sys", "config.sys")]
    [InlineData("C:\\x\\报告.pdf", "报告.pdf")]
    [InlineData("/home/张三/材料/报告.pdf", "报告.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("报\u0000告\u0007\u001F.pdf", "报告.pdf")]
    [InlineData("line\r\nbreak\t.pdf", "line break.pdf")]
    [InlineData("  多个   空格\u3000 的  名字 .docx", "多个 空格 的 名字.docx")]
    [InlineData("...报告.pdf...", "报告.pdf")]
    [InlineData("报告.pdf . .", "报告.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("zero\u200Bwidth.pdf", "zerowidth.pdf")]
    [InlineData("archive.tar.gz", "archive.tar.gz")]
    public void Cleans_names(string input, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.Sanitize(input));
    }

    [Theory]
    [InlineData("", "附件")]
    [InlineData(null, "附件")]
    [InlineData("   ", "附件")]
    [InlineData("..", "附件")]
    [InlineData("../", "附件")]
    [InlineData("C:\\temp\\", "附件")]
    [InlineData(".pdf", "附件.pdf")]
    [InlineData("<>:\"|?*.pdf", "附件.pdf")]
    [InlineData("\u0001\u0002.docx", "附件.docx")]
    [InlineData("  . .png", "附件.png")]
    public void Never_returns_an_empty_name(string? input, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.Sanitize(input));
    }

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("con.pdf", "_con.pdf")]
    [InlineData("NUL.docx", "_NUL.docx")]
    [InlineData("Aux.tar.gz", "_Aux.tar.gz")]
    [InlineData("COM1.xlsx", "_COM1.xlsx")]
    [InlineData("lpt9.jpg", "_lpt9.jpg")]
    [InlineData("PRN .pdf", "_PRN.pdf")]
    [InlineData("CONTRACT.pdf", "CONTRACT.pdf")]
    [InlineData("COM10.pdf", "COM10.pdf")]
    public void Neutralises_windows_device_names(string input, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.Sanitize(input));
    }

    [Fact]
    public void Long_names_are_cut_to_200_characters_keeping_the_extension()
    {
        var name = new string('继', 300) + ".xlsx";

        var result = FileNameSanitizer.Sanitize(name);

        Assert.Equal(200, result.Length);
        Assert.EndsWith(".xlsx", result);
        Assert.Equal(new string('继', 195) + ".xlsx", result);
    }

    [Fact]
    public void Cutting_does_not_leave_a_trailing_dot_or_space()
    {
        var name = new string('a', 194) + " ." + new string('b', 50) + ".pdf";

        var result = FileNameSanitizer.Sanitize(name);

        Assert.Equal(new string('a', 194) + ".pdf", result);
    }

    [Fact]
    public void Cutting_does_not_split_a_surrogate_pair()
    {
        // U+20000 (𠀀, CJK Extension B) is two UTF-16 units.
        var name = "a" + string.Concat(Enumerable.Repeat("\U00020000", 150)) + ".pdf";

        var result = FileNameSanitizer.Sanitize(name);

        Assert.True(result.Length <= 200);
        Assert.EndsWith(".pdf", result);
        Assert.False(char.IsHighSurrogate(result[^5]));
        Assert.Equal(result, FileNameSanitizer.Sanitize(result));
    }

    [Fact]
    public void A_very_long_extension_is_not_treated_as_one()
    {
        var name = "报告." + new string('x', 300);

        var result = FileNameSanitizer.Sanitize(name);

        Assert.Equal(200, result.Length);
        Assert.StartsWith("报告.", result);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("  CON .pdf")]
    [InlineData("...报告.pdf...")]
    [InlineData("a<b>c.pdf")]
    [InlineData("")]
    public void Sanitising_twice_changes_nothing(string input)
    {
        var once = FileNameSanitizer.Sanitize(input);
        Assert.Equal(once, FileNameSanitizer.Sanitize(once));
    }

    [Fact]
    public void Decomposed_characters_are_composed()
    {
        Assert.Equal("caf\u00E9.pdf", FileNameSanitizer.Sanitize("cafe\u0301.pdf"));
    }
}
