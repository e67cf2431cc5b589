using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Browser;

internal static class Screens
{
    /// <summary>A full-page screenshot taken from the top, so the fixed app bar is drawn where it belongs.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}
