using System.Net;
using System.Text.RegularExpressions;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>One browser's cookies against an <see cref="AppServer"/>, for posting the static forms (sign-in, passwords) without a browser.</summary>
public sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient _http;
    private string? _token;

    public HttpSession(AppServer server)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
    }

    public sealed record Page(HttpStatusCode Status, string Html, string? Location)
    {
        /// <summary>The text of the element with this id (the first level of its content).</summary>
        public string? Text(string id) => Regex.Match(Html, $@"id=""{id}""[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
    }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(response);
    }

    /// <summary>Reads <paramref name="path"/> for a fresh antiforgery token (it is bound to the user), then posts its form <paramref name="handler"/>.</summary>
    public async Task<Page> PostAsync(string path, string handler, params (string Name, string Value)[] fields)
    {
        await GetAsync(path);
        var form = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", _token!) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(form));
        return await ReadAsync(response);
    }

    /// <summary>个人登录 (or 单位登录); a success redirects to the unit-role choice.</summary>
    public Task<Page> SignInAsync(string loginName, string password, string mode = "personal") =>
        PostAsync("/account/login", "login",
            ("Input.Mode", mode), ("Input.ReturnUrl", ""), ("Input.UserName", loginName), ("Input.Password", password));

    /// <summary>True when the cookie still opens a page that needs a signed-in user.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var page = await GetAsync("/account/password");
        return page.Status == HttpStatusCode.OK;
    }

    private async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (TokenRegex().Match(html) is { Success: true } m) _token = WebUtility.HtmlDecode(m.Groups[1].Value);
        return new Page(response.StatusCode, html, response.Headers.Location?.ToString());
    }

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex TokenRegex();

    public void Dispose() => _http.Dispose();
}
