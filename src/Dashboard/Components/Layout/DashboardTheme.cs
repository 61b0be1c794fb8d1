using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>
/// Colours chosen to stay apart for colour-blind readers (Okabe-Ito), in light and dark, and to keep every text at
/// 4.5:1 or more against what it stands on (WCAG 2.1 AA): MudBlazor's default success, error, warning and info
/// colours, its dark secondary text and white text on the dark primary all fall below that.
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0072B2", Secondary = "#D55E00", Tertiary = "#009E73", AppbarBackground = "#0b3d60",
            Success = "#2E7D32", Error = "#B3261E", Warning = "#A65D00", Info = "#0072B2",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#56B4E9", Secondary = "#E69F00", Tertiary = "#009E73",
            PrimaryContrastText = "#000000", SecondaryContrastText = "#000000", TertiaryContrastText = "#000000",
            Success = "#81C784", SuccessContrastText = "#000000", Error = "#F28B82", ErrorContrastText = "#000000",
            Warning = "#FFB74D", WarningContrastText = "#000000", Info = "#8AB4F8", InfoContrastText = "#000000",
            TextSecondary = "#C4C4CC",
            // Alerts write their text in the darkened colour, on a tint of it: in dark mode it must stay light.
            SuccessDarken = "#81C784", ErrorDarken = "#F6AEA9", WarningDarken = "#FFB74D", InfoDarken = "#A8C7FA",
        },
    };
}
