using System.Net;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Accounts;

/// <summary>个人登录 over HTTP: the answers do not tell whether an account exists.</summary>
public sealed class SignInAnswerTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private AppServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new AppServer(services: s => s.AddSingleton<IPasswordHasher<AppUser>>(_hasher));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_message_and_both_run_the_hasher()
    {
        using var browser = new HttpSession(_server);

        var before = _hasher.Verifications;
        var unknown = await browser.TrySignInAsync("nobody_here", "Wrong2468a");
        Assert.Equal(before + 1, _hasher.Verifications);

        before = _hasher.Verifications;
        var wrong = await browser.TrySignInAsync("gz_edu", "Wrong2468a");
        Assert.Equal(before + 1, _hasher.Verifications);

        // A unit login name tried as a personal one is "unknown" too.
        before = _hasher.Verifications;
        var otherKind = await browser.TrySignInAsync("gz_edu_unit", "Wrong2468a");
        Assert.Equal(before + 1, _hasher.Verifications);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        var message = unknown.Text("login-error");
        Assert.Equal("登录账号或密码错误。连续5次输入错误，账号将被锁定15分钟。", message);
        Assert.Equal(message, wrong.Text("login-error"));
        Assert.Equal(message, otherKind.Text("login-error"));
    }

    [Fact]
    public async Task A_locked_account_says_so_only_to_whoever_gives_its_password()
    {
        using var browser = new HttpSession(_server);
        for (var i = 0; i < 5; i++) await browser.TrySignInAsync("th_edu", "Wrong2468a");

        var before = _hasher.Verifications;
        var wrongWhileLocked = await browser.TrySignInAsync("th_edu", "Wrong2468a");
        Assert.Equal(before + 1, _hasher.Verifications);
        Assert.Equal("登录账号或密码错误。连续5次输入错误，账号将被锁定15分钟。", wrongWhileLocked.Text("login-error"));

        var rightWhileLocked = await browser.TrySignInAsync("th_edu", "Gdce2468a");
        Assert.StartsWith("账号已被锁定（连续5次密码错误），请于15分钟后", rightWhileLocked.Text("login-error"));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task A_disabled_account_says_so_only_to_whoever_gives_its_password()
    {
        await using (var db = _server.Services.GetRequiredService<AppDbContextOptions>().Create())
            await db.Users.Where(u => u.UserName == "py_train").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTime.UtcNow));
        using var browser = new HttpSession(_server);

        var before = _hasher.Verifications;
        var wrong = await browser.TrySignInAsync("py_train", "Wrong2468a");
        Assert.Equal(before + 1, _hasher.Verifications);
        Assert.Equal("登录账号或密码错误。连续5次输入错误，账号将被锁定15分钟。", wrong.Text("login-error"));

        var right = await browser.TrySignInAsync("py_train", "Gdce2468a");
        Assert.Equal("该账号已被停用，请联系系统管理员。", right.Text("login-error"));
        Assert.False(await browser.IsSignedInAsync());
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Sign-in posts are throttled by ASP.NET Core's rate limiter: per client address and per account.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new AppServer(new Dictionary<string, string?>
        {
            ["Throttle:SignIn:PerAddress"] = "20",
            ["Throttle:SignIn:PerAccount"] = "5",
            ["Throttle:SignIn:WindowSeconds"] = "600",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Thirty_sign_in_posts_in_a_row_are_refused_after_the_limit_with_429_and_a_chinese_message()
    {
        using var browser = new HttpSession(_server);
        var statuses = new List<HttpStatusCode>();
        HttpSession.Page? refused = null;
        for (var i = 0; i < 30; i++)
        {
            // A different name each time: the address limit, not the account's, stops them.
            var page = await browser.TrySignInAsync($"guess_{i}", "Wrong2468a");
            statuses.Add(page.Status);
            if (page.Status == HttpStatusCode.TooManyRequests) refused ??= page;
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Matches(@"^操作过于频繁，请\d+秒后再试。$", refused!.Text("throttled"));
        // Viewing the page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).Status);
    }

    [Fact]
    public async Task One_account_gets_five_tries_whatever_the_address()
    {
        using var browser = new HttpSession(_server);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await browser.TrySignInAsync("hz_edu", "Wrong2468a")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.TrySignInAsync("HZ_EDU", "Gdce2468a")).Status);
        // Another account from the same address still signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.TrySignInAsync("gz_edu", "Gdce2468a")).Status);
    }
}
