namespace Dashboard.Analytics.Pages;

/// <summary>A page of figures: its short name (in kiosk addresses), its path, its title and its component.</summary>
public sealed record DashboardPage(string Name, string Path, string Title, Type Component);

/// <summary>
/// The dashboard's pages of figures, in the navigation's order: what a saved view can open and a wall screen can show.
/// The console's pages are not among them.
/// </summary>
public static class DashboardPages
{
    public static readonly IReadOnlyList<DashboardPage> All =
    [
        new("overview", "/", "Overview", typeof(OverviewPage)),
        new("sources", "/sources", "Sources", typeof(SourcesPage)),
        new("locations", "/locations", "Locations", typeof(LocationsPage)),
        new("funnel", "/funnel", "Funnel", typeof(FunnelPage)),
        new("referrals", "/referrals", "Referrals", typeof(ReferralsPage)),
        new("quality", "/quality", "Data quality", typeof(QualityPage)),
    ];

    /// <summary>The page at <paramref name="path"/> (with or without its leading slash), or null.</summary>
    public static DashboardPage? ByPath(string? path)
    {
        var wanted = "/" + (path ?? "").Trim().Trim('/');
        return All.FirstOrDefault(p => string.Equals(p.Path, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static DashboardPage? ByName(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
