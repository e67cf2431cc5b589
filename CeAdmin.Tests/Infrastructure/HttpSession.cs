using System.Net;
using System.Text.RegularExpressions;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript against the real Kestrel app: cookies, the sign-in forms with their
/// antiforgery tokens, redirects not followed (so a test sees where it is sent).
/// </summary>
public sealed partial class HttpSession : IDisposable
{
    public const string DemoPassword = "Gdce2468a";
    private readonly Uri _base;

    public HttpSession(AppServer server)
    {
        _base = new Uri(server.BaseUrl);
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _base };
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; }

    /// <summary>The sign-in cookie as a browser would send it: what an attacker who copied it replays.</summary>
    public string AuthCookie => Cookies.GetCookies(_base)["CeAdmin.Auth"]?.Value ?? throw new InvalidOperationException("not signed in");

    /// <summary>个人登录, then the unit role (when given); asserts each step is accepted.</summary>
    public async Task SignInAsync(string loginName, string? unitName, string password = DemoPassword)
    {
        var response = await PostFormAsync("/account/login", "/account/login", "login",
            ("Input.Mode", "personal"), ("Input.ReturnUrl", ""), ("Input.UserName", loginName), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/choose-unit", response.Headers.Location!.ToString());
        if (unitName is null) return;

        var page = await Client.GetStringAsync("/account/choose-unit");
        var unitId = Regex.Match(page, $"value=\"(\\d+)\"[^>]*>\\s*<span class=\"role-name\">{Regex.Escape(unitName)}</span>").Groups[1].Value;
        Assert.NotEmpty(unitId);
        response = await PostFormAsync("/account/choose-unit", "/account/choose-unit", "choose-unit", ("Input.UnitId", unitId), ("Input.ReturnUrl", ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Reads the antiforgery token from the form on <paramref name="formPage"/>, then posts the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, string? handler, params (string Name, string Value)[] fields)
    {
        var token = TokenOf(await Client.GetStringAsync(formPage));
        var all = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (handler is not null) all.Add(new("_handler", handler));
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await Client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>退出 as the layout's form does it: the token of a signed-in page, posted to /account/logout.</summary>
    public Task<HttpResponseMessage> SignOutAsync(string reason = "signedout") => PostFormAsync("/", "/account/logout", null, ("reason", reason));

    public static string TokenOf(string html)
    {
        var token = TokenRegex().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on the page");
        return WebUtility.HtmlDecode(token);
    }

    /// <summary>A request carrying only <paramref name="authCookie"/>, as a copied cookie is replayed from another machine.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(AppServer server, string path, string authCookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"CeAdmin.Auth={authCookie}");
        return await client.SendAsync(request);
    }

    /// <summary>A page as the server answered it (redirects are not followed).</summary>
    public sealed record Page(HttpStatusCode Status, string Html, string? Location)
    {
        /// <summary>The text of the element with this id (the first level of its content).</summary>
        public string? Text(string id) => Regex.Match(Html, $@"id=""{id}""[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
    }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    /// <summary>Reads <paramref name="path"/> for a fresh antiforgery token (it is bound to the user), then posts its form <paramref name="handler"/>.</summary>
    public async Task<Page> PostAsync(string path, string handler, params (string Name, string Value)[] fields)
    {
        using var response = await PostFormAsync(path, path, handler, fields);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    /// <summary>个人登录 (or 单位登录) that may fail: the page the server answered with (a success redirects to the unit-role choice).</summary>
    public Task<Page> TrySignInAsync(string loginName, string password, string mode = "personal") =>
        PostAsync("/account/login", "login",
            ("Input.Mode", mode), ("Input.ReturnUrl", ""), ("Input.UserName", loginName), ("Input.Password", password));

    /// <summary>True when the cookie still opens a page that needs a signed-in user.</summary>
    public async Task<bool> IsSignedInAsync() => (await GetAsync("/account/password")).Status == HttpStatusCode.OK;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public void Dispose() => Client.Dispose();
}
