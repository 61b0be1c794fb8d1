using System.Globalization;
using Dashboard.Analytics.Pages;

namespace Dashboard.Kiosk;

/// <summary>What a wall screen shows: dashboard pages in turn, each for so many seconds.</summary>
public sealed record KioskPlan(IReadOnlyList<DashboardPage> Pages, int Seconds)
{
    public const int DefaultSeconds = 30;
    public const int MinSeconds = 5;
    public const int MaxSeconds = 3_600;

    public static KioskPlan Everything { get; } = new(DashboardPages.All, DefaultSeconds);

    /// <summary>The page names, as a kiosk address writes them (<c>overview,funnel</c>).</summary>
    public string PageNames => string.Join(',', Pages.Select(p => p.Name));

    /// <summary>
    /// Reads <c>pages</c> (names separated by commas; none means every page) and <c>seconds</c>, as a kiosk address
    /// gives them; else says what is wrong, naming the parameter.
    /// </summary>
    public static bool TryRead(string? pages, string? seconds, out KioskPlan plan, out string? problem)
    {
        plan = Everything;
        problem = null;
        var chosen = new List<DashboardPage>();
        foreach (var name in (pages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DashboardPages.ByName(name) is not { } page)
            {
                problem = $"'pages' names a page there is none of: choose from {string.Join(", ", DashboardPages.All.Select(p => p.Name))}.";
                return false;
            }
            if (!chosen.Contains(page)) chosen.Add(page);
        }
        var every = DefaultSeconds;
        if (!string.IsNullOrWhiteSpace(seconds)
            && !(int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out every) && every is >= MinSeconds and <= MaxSeconds))
        {
            problem = $"'seconds' must be a whole number from {MinSeconds} to {MaxSeconds:N0}.";
            return false;
        }
        plan = new KioskPlan(chosen.Count > 0 ? chosen : DashboardPages.All, every);
        return true;
    }

    /// <summary>
    /// What a kiosk address asks for, kept within what its screen was made for: fewer pages or other seconds may be
    /// asked, never a page the screen does not show.
    /// </summary>
    public static bool TryReadWithin(KioskPlan allowed, string? pages, string? seconds, out KioskPlan plan, out string? problem)
    {
        if (!TryRead(pages, seconds ?? allowed.Seconds.ToString(CultureInfo.InvariantCulture), out var asked, out problem))
        {
            plan = allowed;
            return false;
        }
        plan = string.IsNullOrWhiteSpace(pages) ? allowed with { Seconds = asked.Seconds } : asked;
        if (plan.Pages.All(allowed.Pages.Contains)) return true;
        problem = $"This wall screen shows only {string.Join(", ", allowed.Pages.Select(p => p.Name))}.";
        plan = allowed;
        return false;
    }
}
