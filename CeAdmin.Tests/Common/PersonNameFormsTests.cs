using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Common;

/// <summary>
/// The 姓名 rule where people's names are entered besides records and the roster (see Records/):
/// teachers (and so head teachers, who are chosen from them), operators and real-name verification.
/// Each service refuses the name with the field's message and writes nothing.
/// </summary>
public sealed class PersonNameFormsTests() : IntegrationTest(demo: true)
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    [Fact]
    public async Task A_teacher_named_by_a_formula_or_with_digits_is_refused()
    {
        var teachers = App.As<TeacherService>(await App.DemoActorAsync("gz_train"));
        var id = DemoIds.IdNumber("440106", new DateOnly(1980, 1, 2), 611);
        TeacherForm Form(string name) => new()
        {
            Name = name, Gender = IdNumber.GenderOf(id), IdNumber = id, Title = "教授", Phone = "13800138000",
            Email = "t@example.com", Courses = "课程", Profile = "简介",
        };

        var formula = await Assert.ThrowsAsync<ValidationFailedException>(() => teachers.CreateAsync(Form(Formula)));
        Assert.Equal("姓名不能以 = + - @ 开头", formula.Errors["Name"][0]);
        var digits = await Assert.ThrowsAsync<ValidationFailedException>(() => teachers.CreateAsync(Form("王老师2")));
        Assert.Equal("姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格", digits.Errors["Name"][0]);
        await using var db = App.Db();
        Assert.False(await db.Teachers.AnyAsync(t => t.IdNumber == id));

        await teachers.CreateAsync(Form("迪丽热巴·迪力木拉提"));
        Assert.True(await db.Teachers.AnyAsync(t => t.IdNumber == id));
    }

    [Fact]
    public async Task An_operator_named_with_a_control_character_is_refused()
    {
        Actor unitLogin;
        await using (var db = App.Db())
        {
            var unit = await db.UnitAccounts.SingleAsync(u => u.Name == "广州市教育局");
            var login = await db.Users.SingleAsync(u => u.Id == unit.LoginUserId);
            unitLogin = new Actor(login.Id, login.UserName!, unit.Id, unit.Name, null, IsUnitLogin: true);
        }
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => App.As<UnitAccountService>(unitLogin).InviteOperatorAsync(
            new OperatorInvitation { LoginName = "new_user", RealName = "王\u0000小明", IdNumber = DemoIds.IdNumber("440106", new DateOnly(1990, 5, 5), 612) }));
        Assert.Equal("经办人姓名不能包含控制字符", bad.Errors["RealName"][0]);
    }

    [Fact]
    public async Task Real_name_verification_refuses_a_formula_as_the_name()
    {
        var userId = await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
        {
            LoginName = "name_rule", Password = "Gd2024cE!x", ConfirmPassword = "Gd2024cE!x", Mobile = "13912345671",
        });
        var person = App.As<PersonalAccountService>(new Actor(userId, "name_rule", 0, ""));
        var id = DemoIds.IdNumber("440106", new DateOnly(1991, 6, 6), 613);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => person.VerifyRealNameAsync(new RealNameForm { RealName = "@李文华", IdNumber = id }));
        Assert.Equal("姓名不能以 = + - @ 开头", bad.Errors["RealName"][0]);
        await using var db = App.Db();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == userId)).RealName);
    }
}
