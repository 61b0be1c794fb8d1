using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>Colours chosen to stay apart for colour-blind readers (Okabe-Ito), in light and dark.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0072B2", Secondary = "#D55E00", Tertiary = "#009E73", AppbarBackground = "#0b3d60" },
        PaletteDark = new PaletteDark { Primary = "#56B4E9", Secondary = "#E69F00", Tertiary = "#009E73" },
    };
}
