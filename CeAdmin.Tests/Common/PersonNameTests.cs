using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Tests.Common;

/// <summary>The one 姓名 rule, case by case.</summary>
public sealed class PersonNameTests
{
    [Theory]
    [InlineData("王志远")]
    [InlineData("欧阳修")]
    [InlineData("阿沛·阿旺晋美")]
    [InlineData("爱新觉罗·溥仪")]
    [InlineData("John Smith")]
    [InlineData("José María Aznar")]
    [InlineData("  李文华  ")]
    public void Accepts_Chinese_names_with_the_middle_dot_and_foreign_names_of_letters_and_spaces(string name) =>
        Assert.Null(PersonName.Check(name, "姓名"));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "姓名不能以 = + - @ 开头")]
    [InlineData("+8613800000000", "姓名不能以 = + - @ 开头")]
    [InlineData("-张三", "姓名不能以 = + - @ 开头")]
    [InlineData("@SUM(A1)", "姓名不能以 = + - @ 开头")]
    [InlineData("张\u0007三", "姓名不能包含控制字符")]
    [InlineData("张\n三", "姓名不能包含控制字符")]
    [InlineData("张三\t", "姓名不能包含控制字符")]
    [InlineData("张三1", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    [InlineData("张三 Smith", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    [InlineData("·阿旺", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    [InlineData("阿沛··阿旺", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    [InlineData("John  Smith", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    [InlineData("<script>", "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格")]
    public void Refuses_formulas_control_characters_and_other_characters_with_their_own_message(string name, string message) =>
        Assert.Equal(message, PersonName.Check(name, "姓名"));

    [Fact]
    public void Refuses_a_name_longer_than_the_set_maximum_and_leaves_required_ness_to_the_caller()
    {
        Assert.Null(PersonName.Check(new string('A', PersonName.MaxLength), "姓名"));
        Assert.Equal("联系人姓名不能超过50个字", PersonName.Check(new string('A', PersonName.MaxLength + 1), "联系人姓名"));
        Assert.Null(PersonName.Check("", "姓名"));
        Assert.Null(PersonName.Check(null, "姓名"));
    }

    [Fact]
    public void Contact_legal_and_catalog_operator_names_follow_the_same_rule()
    {
        static string? First(FluentValidation.Results.ValidationResult r, string property) =>
            r.Errors.FirstOrDefault(e => e.PropertyName == property)?.ErrorMessage;

        var institution = new InstitutionFormValidator().Validate(new InstitutionForm { LegalName = "=1+1", ContactName = "梁晓婷2" });
        Assert.Equal("法人姓名不能以 = + - @ 开头", First(institution, nameof(InstitutionForm.LegalName)));
        Assert.Equal("联系人姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格", First(institution, nameof(InstitutionForm.ContactName)));
        var authority = new AuthorityContactFormValidator().Validate(new AuthorityContactForm { ContactName = "张\u0001三" });
        Assert.Equal("联系人不能包含控制字符", First(authority, nameof(AuthorityContactForm.ContactName)));
        var catalog = new CatalogFormValidator().Validate(new CatalogForm { OperatorName = "+张三" });
        Assert.Equal("经办人不能以 = + - @ 开头", First(catalog, nameof(CatalogForm.OperatorName)));
    }
}
