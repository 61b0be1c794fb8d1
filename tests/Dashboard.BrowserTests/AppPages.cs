using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Every page the navigation offers an admin, and the pages reached from them, with a way to open one settled.</summary>
public static class AppPages
{
    public static readonly IReadOnlyList<(string Path, string Name)> Dashboard =
    [
        ("/", "overview"), ("/sources", "sources"), ("/locations", "locations"), ("/funnel", "funnel"), ("/referrals", "referrals"),
        ("/quality", "quality"),
    ];

    public static readonly IReadOnlyList<(string Path, string Name)> Console =
    [
        ("/account/tokens", "tokens"), ("/account/password", "password"), ("/admin/deliveries", "deliveries"),
        ("/admin/deliveries/1", "delivery"), ("/admin/rebuild", "rebuild"), ("/admin/endpoints", "endpoints"), ("/admin/people", "people"),
        ("/admin/funnel", "funnel-settings"), ("/admin/privacy", "privacy"), ("/admin/audit", "audit"), ("/setup/sample-data", "sample-data"),
        ("/views", "views"), ("/admin/kiosks", "kiosks"), ("/candidates/100001", "candidate"),
        ("/referrals/applications/00000000-0000-4000-8000-000000000001", "referral-application"),
        ("/digests", "digests"), ("/admin/alerts", "alerts"), ("/admin/alerts/history", "alert-history"), ("/admin/outbox", "outbox"),
        ("/admin/time-zone", "time-zone"),
    ];

    /// <summary>A wall screen: made for a television across the room, not for a phone or a zoomed window.</summary>
    public static readonly IReadOnlyList<(string Path, string Name)> WallScreens = [("/kiosk?pages=overview,funnel&seconds=3600", "wall-screen")];

    public static IEnumerable<(string Path, string Name)> All => Dashboard.Concat(Console);

    /// <summary>
    /// Opens <paramref name="path"/> and waits until it shows what it will show: live, figures read, every chart drawn
    /// and its entrance over, so what is checked or photographed is what a person looks at.
    /// </summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await SettleAsync(page);
    }

    public static async Task SettleAsync(IPage page)
    {
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        // The password page is a plain form, never live.
        if (!page.Url.Contains("/account/password")) await page.WaitForInteractiveAsync();
        await page.WaitForFunctionAsync("""
            () => document.querySelectorAll('.mud-skeleton').length === 0
              && [...document.querySelectorAll('.apex-chart')].every(chart => chart.querySelector('.apexcharts-canvas'))
            """, null, new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(500);
    }
}
