using Microsoft.Playwright;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>MudBlazor interactions the browser tests share.</summary>
internal static class Ui
{
    /// <summary>Clicks a menu item: the menu's own link, not a 首页 待办 link or a grid link of the same name.</summary>
    public static Task MenuAsync(IPage page, string item) =>
        page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

    /// <summary>Opens the MudSelect carrying <paramref name="selector"/> and picks the option containing <paramref name="option"/>.</summary>
    public static async Task SelectAsync(IPage page, string selector, string option)
    {
        // The id sits on MudSelect's input, which is hidden once a value is shown: click the select around it.
        await page.Locator(".mud-select", new PageLocatorOptions { Has = page.Locator(selector) }).First.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = option }).First;
        await item.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static Task ExpectSnackbarAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasTextString = text }).First).ToBeVisibleAsync();
}
