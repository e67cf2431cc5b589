using MudBlazor;

namespace CeAdmin.App.Shared;

/// <summary>A calm government blue; dense, legible, no web fonts (the network is closed).</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fae",
            Secondary = "#0f8a83",
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
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px", DefaultBorderRadius = "6px" },
    };
}
