using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Teachers;

/// <summary>1.6.1 on a real database: the registry's rules, its duplicate check and who may touch a teacher.</summary>
public sealed class TeacherServiceTests() : IntegrationTest(demo: true)
{
    private static readonly string WangId = DemoIds.IdNumber("440106", new DateOnly(1978, 5, 20), 315);
    private static readonly string LiId = DemoIds.IdNumber("440104", new DateOnly(1983, 9, 1), 428);

    private readonly FakeUsage _classes = new();
    private readonly FakeUsage _otherUsage = new();
    private Actor _city = null!;

    protected override void Configure(IServiceCollection services) => services.AddSingleton<ITeacherUsage>(_otherUsage).AddSingleton<ITeacherUsage>(_classes);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _city = await App.DemoActorAsync("gz_edu");
    }

    private TeacherService Service(Actor actor) => App.As<TeacherService>(actor);

    private static TeacherForm Form(string name, string idNumber) => new()
    {
        Name = name, Gender = IdNumber.GenderOf(idNumber), IdNumber = idNumber, Title = "教授",
        Phone = "13800138000", Email = "teacher@example.com", Courses = "《工匠精神与广东制造》", Profile = "华南理工大学教授。",
    };

    [Fact]
    public async Task A_new_teacher_is_enabled_listed_masked_and_shown_in_full_only_in_the_edit_form()
    {
        var teachers = Service(_city);
        var id = await teachers.CreateAsync(Form("王志远", WangId.ToLowerInvariant()));

        var page = await teachers.ListAsync(new TeacherFilter(Name: "志远"), new PageRequest());
        var row = Assert.Single(page.Items);
        Assert.Equal((id, "王志远", Gender.Male, true), (row.Id, row.Name, row.Gender, row.Enabled));
        Assert.Equal(IdNumber.Mask(WangId), row.MaskedIdNumber);
        Assert.DoesNotContain(WangId[4..14], row.MaskedIdNumber);

        var edit = await teachers.GetForEditAsync(id);
        Assert.Equal(WangId, edit.IdNumber);

        edit.Phone = "020-87654321";
        edit.Title = "二级教授";
        await teachers.UpdateAsync(id, edit);
        await using var db = App.Db();
        var saved = await db.Teachers.SingleAsync(t => t.Id == id);
        Assert.Equal(("020-87654321", "二级教授", _city.UnitId), (saved.Phone, saved.Title, saved.OwnerUnitId));
    }

    [Fact]
    public async Task The_list_filters_by_name_and_status_and_sorts_by_an_explicit_key()
    {
        var teachers = Service(_city);
        var all = await teachers.ListAsync(new TeacherFilter(), new PageRequest(SortBy: nameof(TeacherRow.Name)));
        Assert.Equal(4, all.Total);
        Assert.Equal(all.Items.Select(r => r.Name).Order(StringComparer.Ordinal), all.Items.Select(r => r.Name));

        var disabled = await teachers.ListAsync(new TeacherFilter(Enabled: false), new PageRequest());
        Assert.Equal("梁淑仪", Assert.Single(disabled.Items).Name);

        var secondPage = await teachers.ListAsync(new TeacherFilter(), new PageRequest(Page: 1, PageSize: 3));
        Assert.Equal((4, 1), (secondPage.Total, secondPage.Items.Count));

        // An unknown sort key falls back to the default order instead of reaching the query.
        var unknown = await teachers.ListAsync(new TeacherFilter(), new PageRequest(SortBy: "IdNumber; DROP TABLE Teachers"));
        Assert.Equal(4, unknown.Total);
    }

    [Fact]
    public async Task The_same_id_number_twice_in_one_registry_is_refused_naming_the_teacher_already_there()
    {
        var teachers = Service(_city);
        await teachers.CreateAsync(Form("王志远", WangId));
        var dup = await Assert.ThrowsAsync<ValidationFailedException>(() => teachers.CreateAsync(Form("王致远", WangId)));
        Assert.Contains("“王志远”", dup.Errors[nameof(TeacherForm.IdNumber)][0]);

        // Changing another teacher to that number is refused the same way.
        var li = await teachers.CreateAsync(Form("李晓婷", LiId));
        var changed = Form("李晓婷", WangId);
        await Assert.ThrowsAsync<ValidationFailedException>(() => teachers.UpdateAsync(li, changed));

        // Another authority keeps its own registry and may enter the same person.
        var county = await App.DemoActorAsync("th_edu");
        await Service(county).CreateAsync(Form("王志远", WangId));
        await using var db = App.Db();
        Assert.Equal(2, await db.Teachers.CountAsync(t => t.IdNumber == WangId));
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_nothing_is_written()
    {
        var form = new TeacherForm
        {
            Name = "", IdNumber = WangId[..17] + (WangId[17] == '0' ? '1' : '0'), Title = "教授", Phone = "12345",
            Email = "not-an-email", Courses = new string('课', 501), Profile = new string('简', 1001),
        };
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(_city).CreateAsync(form));
        Assert.Equal(["Courses", "Email", "Gender", "IdNumber", "Name", "Phone", "Profile"], bad.Errors.Keys.Order().ToArray());
        Assert.Equal("公民身份号码格式或校验位不正确", bad.Errors["IdNumber"][0]);
        Assert.Equal("可以教授课程不能超过500个字", bad.Errors["Courses"][0]);
        Assert.Equal("教师简介不能超过1000个字", bad.Errors["Profile"][0]);

        var mismatch = Form("王志远", WangId);
        mismatch.Gender = Gender.Female;
        var wrongGender = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(_city).CreateAsync(mismatch));
        Assert.Equal("性别与公民身份号码不一致", wrongGender.Errors["Gender"][0]);

        // Nothing reached the registry or the audit trail (the demo registry was seeded without an actor).
        await using var db = App.Db();
        Assert.Equal(4, await db.Teachers.CountAsync(t => t.OwnerUnitId == _city.UnitId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Teacher) && a.UnitId == _city.UnitId));
    }

    [Fact]
    public async Task Only_enabled_teachers_of_ones_own_registry_can_be_chosen()
    {
        var teachers = Service(_city);
        var id = await teachers.CreateAsync(Form("王志远", WangId));
        Assert.Contains(await teachers.EnabledTeachersAsync(), t => t.Id == id);

        await teachers.DisableAsync(id);
        var options = await teachers.EnabledTeachersAsync();
        Assert.DoesNotContain(options, t => t.Id == id);
        Assert.DoesNotContain(options, t => t.Name == "梁淑仪");
        Assert.Equal(["何文彬", "刘建华", "郑丽娟"], options.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());

        await teachers.EnableAsync(id);
        Assert.Equal(["王志远"], (await teachers.EnabledTeachersAsync("志远")).Select(t => t.Name).ToArray());

        // The province sees only its own registry, not the city's teachers.
        var province = await App.DemoActorAsync("gd_edu");
        Assert.DoesNotContain(await Service(province).EnabledTeachersAsync(), t => t.Id == id);
    }

    [Fact]
    public async Task A_teacher_on_no_class_is_deleted()
    {
        var teachers = Service(_city);
        var id = await teachers.CreateAsync(Form("王志远", WangId));
        Assert.Equal(TeacherDeletion.Deleted, await teachers.DeleteAsync(id));
        await using var db = App.Db();
        Assert.False(await db.Teachers.AnyAsync(t => t.Id == id));
        var ex = await Assert.ThrowsAsync<DomainException>(() => teachers.GetForEditAsync(id));
        Assert.Contains("不存在", ex.Message);
    }

    [Fact]
    public async Task A_teacher_already_on_a_class_is_disabled_instead_and_the_user_is_told_why()
    {
        var teachers = Service(_city);
        var id = await teachers.CreateAsync(Form("王志远", WangId));
        _classes.InUse.Add(id);

        var result = await teachers.DeleteAsync(id);

        Assert.Equal(TeacherDeletion.DisabledInstead, result);
        Assert.Equal("该教师已被培训班选用，不能删除，已为您改为禁用", result.ToMessage());
        Assert.Equal([id, id], _otherUsage.Asked.Concat(_classes.Asked).ToArray());
        await using var db = App.Db();
        Assert.False((await db.Teachers.SingleAsync(t => t.Id == id)).Enabled);
        Assert.DoesNotContain(await teachers.EnabledTeachersAsync(), t => t.Id == id);
    }

    [Fact]
    public async Task Another_authority_opening_a_teacher_by_id_is_refused()
    {
        var id = await Service(_city).CreateAsync(Form("王志远", WangId));

        // Neither the county below nor the province above may touch the city's registry.
        foreach (var login in new[] { "th_edu", "gd_edu" })
        {
            var other = Service(await App.DemoActorAsync(login));
            await Assert.ThrowsAsync<ScopeException>(() => other.GetForEditAsync(id));
            await Assert.ThrowsAsync<ScopeException>(() => other.UpdateAsync(id, Form("冒名修改", WangId)));
            await Assert.ThrowsAsync<ScopeException>(() => other.DisableAsync(id));
            await Assert.ThrowsAsync<ScopeException>(() => other.EnableAsync(id));
            await Assert.ThrowsAsync<ScopeException>(() => other.DeleteAsync(id));
            Assert.DoesNotContain((await other.ListAsync(new TeacherFilter(), new PageRequest(PageSize: 200))).Items, r => r.Id == id);
        }

        await using var db = App.Db();
        var teacher = await db.Teachers.SingleAsync(t => t.Id == id);
        Assert.Equal(("王志远", true), (teacher.Name, teacher.Enabled));
    }

    [Fact]
    public async Task An_institution_keeps_its_own_registry_apart_and_anonymous_callers_are_refused()
    {
        var authorityTeacher = await Service(await App.DemoActorAsync("gz_edu")).CreateAsync(Form("王志远", WangId));
        var institution = Service(await App.DemoActorAsync("py_train"));
        var own = await institution.CreateAsync(Form("王志远", WangId));
        var rows = (await institution.ListAsync(new TeacherFilter(), new PageRequest(PageSize: 200))).Items;
        Assert.Equal([own], rows.Select(r => r.Id).ToArray());
        await Assert.ThrowsAsync<ScopeException>(() => institution.GetForEditAsync(authorityTeacher));
        await Assert.ThrowsAsync<ScopeException>(() => institution.DeleteAsync(authorityTeacher));
        await Assert.ThrowsAsync<DomainException>(() => App.As<TeacherService>(null).EnabledTeachersAsync());
    }

    private sealed class FakeUsage : ITeacherUsage
    {
        public HashSet<int> InUse { get; } = [];
        public List<int> Asked { get; } = [];

        public Task<bool> IsInUseAsync(AppDbContext db, int teacherId, CancellationToken ct)
        {
            Asked.Add(teacherId);
            return Task.FromResult(InUse.Contains(teacherId));
        }
    }
}
