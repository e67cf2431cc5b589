using Microsoft.Playwright;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download here) against one app server per
/// test class. One chromium serves the whole run; every page opens in a browser context of its own
/// (cookies, storage), which the class closes at its end. Screenshots go to TestResults/screenshots.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly List<IBrowserContext> _contexts = [];

    public AppServer Server { get; private set; } = null!;

    /// <summary>Configuration overrides of the app under test.</summary>
    protected virtual Dictionary<string, string?> Settings => [];
    public IBrowser Browser { get; private set; } = null!;
    public string DemoPassword => "Gdce2468a";

    public static string ScreenshotDir { get; } = Path.Combine(Scripts.RepoRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Server = new AppServer(Settings);
        Browser = await SharedChromium.GetAsync();
    }

    /// <summary>Debian's chromium, headless, without the network chatter of a desktop browser.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
        });

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        lock (_contexts) _contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Waits until the circuit is up: a click on the prerendered page would be lost.</summary>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        await page.Locator("#app-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });
    }

    public async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    /// <summary>A new page (its own browser context), signed in as <paramref name="loginName"/> in <paramref name="unitName"/>'s role.</summary>
    public async Task<IPage> SignedInPageAsync(string loginName, string? unitName = null, string? password = null)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, loginName, unitName, password);
        return page;
    }

    /// <summary>个人登录, then choose the unit role (when the person has one).</summary>
    public Task SignInAsync(IPage page, string loginName, string? unitName = null, string? password = null) =>
        SignInWithPasswordAsync(page, loginName, unitName, password ?? DemoPassword);

    public static async Task SignInWithPasswordAsync(IPage page, string loginName, string? unitName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", loginName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        try { await page.WaitForURLAsync(url => url.Contains("/account/choose-unit")); }
        catch (TimeoutException) { await ScreenshotAsync(page, "debug-signin"); throw; }
        if (unitName is not null)
        {
            await page.Locator("label.role-option", new PageLocatorOptions { HasText = unitName }).ClickAsync();
            await page.ClickAsync("#enter-unit");
            try { await page.WaitForURLAsync(url => !url.Contains("/account/")); }
            catch (TimeoutException) { await ScreenshotAsync(page, "debug-enter-unit"); throw; }
            await WaitInteractiveAsync(page);
        }
    }

    /// <summary>The most common office screen here (issue 16): every screenshot is taken at this size too.</summary>
    public static readonly ViewportSize OfficeScreen = new() { Width = 1366, Height = 768 };

    /// <summary>
    /// <paramref name="name"/>.png at the page's size and <paramref name="name"/>-1366.png at <see cref="OfficeScreen"/>;
    /// the page gets its own size back afterwards.
    /// </summary>
    /// <param name="fullPage">False for an open dialog: the window as the user sees it.</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await CaptureAsync(page, name, fullPage);
        if (page.ViewportSize is not { } size || size.Width == OfficeScreen.Width) return;
        await ResizeAsync(page, OfficeScreen);
        try { await CaptureAsync(page, $"{name}-{OfficeScreen.Width}", fullPage); }
        finally { await ResizeAsync(page, new ViewportSize { Width = size.Width, Height = size.Height }); }
    }

    private static async Task CaptureAsync(IPage page, string file, bool fullPage)
    {
        // A full-page capture of a scrolled window draws the fixed app bar and drawer mid-page.
        if (fullPage) await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, file + ".png"), FullPage = fullPage });
    }

    /// <summary>Resizes the window and waits two frames, so that the capture shows the new layout.</summary>
    public static async Task ResizeAsync(IPage page, ViewportSize size)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    public async Task DisposeAsync()
    {
        // Closed before the server goes: an open page of a stopped server keeps trying to reconnect its circuit.
        foreach (var context in _contexts) await context.CloseAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>The run's one chromium, launched on first use (again if it went away) and closed when the test process ends.</summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            }
            return _browser = await BrowserFixture.LaunchAsync(_playwright);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        try { _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5)); }
        catch (Exception ex) when (ex is AggregateException or PlaywrightException) { }
        _playwright?.Dispose();
    }
}
