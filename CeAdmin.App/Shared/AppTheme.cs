using MudBlazor;

namespace CeAdmin.App.Shared;

/// <summary>
/// A calm government blue; dense, legible, no web fonts (the network is closed). Every colour that carries text
/// (status chips, text buttons, alerts, which MudBlazor tints or darkens from these) is dark enough for 4.5:1 on
/// white and on its own tint (WCAG 2.1 AA, GB/T 37668-2019); MudBlazor's defaults (#00c853, #ff9800, #f44336,
/// #2196f3) are not.
/// </summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fae",
            Secondary = "#0b6e69",
            Success = "#1d6f31",
            Warning = "#95520a",
            Error = "#c62828",
            Info = "#1565c0",
            AppbarBackground = "#1f5fae",
            Background = "#f3f5f9",
            DrawerBackground = "#ffffff",
            DrawerText = "#2b3a4a",
            TableLines = "#e3e8ef",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"Noto Sans CJK SC\"", "\"Microsoft YaHei\"", "\"PingFang SC\"", "sans-serif"],
                FontSize = ".875rem",
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "256px", DefaultBorderRadius = "6px" },
    };
}
