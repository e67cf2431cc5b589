using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Accounts;

/// <summary>Registration and 实名认证 run over the circuit: the services themselves are throttled.</summary>
[Trait("Category", "Integration")]
public sealed class ThrottleTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private const string Password = "Gdce2468a";

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync(configure: services =>
    {
        var options = TestApp.Unthrottled();
        options.Registration = new ThrottleRule { PerAddress = 3, PerAccount = 0, WindowSeconds = 600 };
        options.RealName = new ThrottleRule { PerAddress = 0, PerAccount = 2, WindowSeconds = 600 };
        services.AddSingleton(options);
        // Every service of this test is called from one browser.
        services.AddScoped(_ => new ClientContext { Address = "203.0.113.7" });
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Registrations_from_one_address_are_limited_with_a_chinese_message()
    {
        for (var i = 0; i < 3; i++) await RegisterAsync($"person_{i}");
        var refused = await Assert.ThrowsAsync<ThrottledException>(() => RegisterAsync("person_3"));
        Assert.Matches(@"^操作过于频繁，请\d+秒后再试$", refused.Message);
        await using var db = _app.Db();
        Assert.Equal(3, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Real_name_verification_is_limited_per_account()
    {
        var userId = await RegisterAsync("person_a");
        var service = _app.As<PersonalAccountService>(new Actor(userId, "person_a", 0, ""));
        var wrongId = DemoIds.IdNumber("440106", new DateOnly(1985, 6, 1), 123);
        for (var i = 0; i < 2; i++)
        {
            // The verifier refuses a one-character name; each try still counts.
            var refused = await Assert.ThrowsAnyAsync<DomainException>(() => service.VerifyRealNameAsync(new RealNameForm { RealName = "李", IdNumber = wrongId }));
            Assert.IsNotType<ThrottledException>(refused);
        }
        await Assert.ThrowsAsync<ThrottledException>(() => service.VerifyRealNameAsync(new RealNameForm { RealName = "李文华", IdNumber = wrongId }));
    }

    private Task<string> RegisterAsync(string login) => _app.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
    {
        LoginName = login, Password = Password, ConfirmPassword = Password, Mobile = "13912345678",
    });
}
