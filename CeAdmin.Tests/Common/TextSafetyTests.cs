using CeAdmin.Domain.Common;
using CeAdmin.Domain.Teachers;

namespace CeAdmin.Tests.Common;

/// <summary>The one rule for free text: control characters and bidirectional formatting characters are refused.</summary>
public sealed class TextSafetyTests
{
    [Theory]
    [InlineData('\u0000')] [InlineData('\u0007')] [InlineData('\u001B')] [InlineData('\u007F')] [InlineData('\u0085')] [InlineData('\u009F')]
    [InlineData('\u061C')] [InlineData('\u200E')] [InlineData('\u200F')]
    [InlineData('\u202A')] [InlineData('\u202B')] [InlineData('\u202C')] [InlineData('\u202D')] [InlineData('\u202E')]
    [InlineData('\u2066')] [InlineData('\u2067')] [InlineData('\u2068')] [InlineData('\u2069')]
    public void Control_and_bidi_characters_are_refused(char c)
    {
        Assert.True(TextSafety.IsForbidden(c));
        Assert.False(TextSafety.IsClean($"同意{c}通过"));
    }

    [Theory]
    [InlineData("第一行\n第二行\r\n\t缩进")]
    [InlineData("广州市天河区教育局（行业组织） No.1 — 《通知》 ①")]
    [InlineData("Ünïcödé · 全角１２３ · emoji 😀 · ZWJ 👨‍👩‍👧")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_line_breaks_and_tabs_pass(string? text) => Assert.True(TextSafety.IsClean(text));

    [Fact]
    public void Every_form_validator_refuses_it_at_the_field()
    {
        var validator = new TeacherFormValidator();
        var form = new TeacherForm { Name = "张\u202E三", Profile = "简介\u0007" };
        var result = validator.Validate(form);
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(TeacherForm.Name) && e.ErrorMessage == TextSafety.Message);
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(TeacherForm.Profile) && e.ErrorMessage == TextSafety.Message);
    }

    [Fact]
    public async Task The_field_check_of_MudForm_shows_it_for_that_field_only()
    {
        var validator = new TeacherFormValidator();
        var form = new TeacherForm { Name = "张三", Courses = "课程\u2066甲\u2069" };
        Assert.Equal([TextSafety.Message], await validator.ValidateValue(form, nameof(TeacherForm.Courses)));
        Assert.DoesNotContain(TextSafety.Message, await validator.ValidateValue(form, nameof(TeacherForm.Name)));
    }
}
