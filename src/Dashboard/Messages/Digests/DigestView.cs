using Dashboard.Analytics;
using Dashboard.Analytics.Pages;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Messages.Digests;

/// <summary>
/// A dashboard view as a digest holds it: a page and its URL query. Read from what a person pastes (the page's
/// address, or just its path and query) and turned into the figures' filter for a given day.
/// </summary>
public sealed record DigestView(string Page, string Query)
{
    public static readonly IReadOnlyList<(string Path, string Title)> Pages =
    [
        ("/", "Overview"), ("/sources", "Sources"), ("/locations", "Locations"), ("/funnel", "Funnel"), ("/referrals", "Referrals"),
        ("/quality", "Data quality"),
    ];

    public string PageTitle => Pages.First(p => p.Path == Page).Title;

    /// <summary>The view in a dashboard address (<c>https://…/sources?range=30d</c>, <c>/sources?range=30d</c>), or why not.</summary>
    public static DigestView? Parse(string? address, out string? problem)
    {
        problem = null;
        var text = address?.Trim() ?? "";
        if (text.Length == 0) return new DigestView("/", "");
        if (text.Length > 1000)
        {
            problem = "The view's address is too long (at most 1,000 characters).";
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            text = absolute.PathAndQuery;
        var question = text.IndexOf('?');
        var path = (question < 0 ? text : text[..question]).TrimEnd('/');
        path = path.Length == 0 ? "/" : path;
        var query = question < 0 ? "" : text[(question + 1)..];
        if (!Pages.Any(p => p.Path == path))
        {
            problem = $"A digest shows one of the dashboard's pages: {string.Join(", ", Pages.Select(p => p.Title))}.";
            return null;
        }
        if (query.Any(char.IsControl))
        {
            problem = "The view's address holds characters no address has.";
            return null;
        }
        return new DigestView(path, query);
    }

    public string Address => Query.Length == 0 ? Page : $"{Page}?{Query}";

    /// <summary>The view's filters, as its page reads them.</summary>
    public DashboardView Dashboard
    {
        get
        {
            var q = QueryHelpers.ParseQuery(Query);
            string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
            return DashboardView.FromQuery(Get("range"), Get("from"), Get("to"), Get("vacancy"), Get("source"), Get("consultant"), Get("location"));
        }
    }

    /// <summary>Whether the view names its own period; if not, a digest covers the period its cadence says.</summary>
    public bool HasOwnPeriod => QueryHelpers.ParseQuery(Query).Keys.Any(k => k is "range" or "from" or "to");

    /// <summary>
    /// The figures a digest sent on the agency's <paramref name="day"/> shows: the view's own period as its page
    /// shows it that day when it names one; else the day before (daily) or the seven days before (weekly).
    /// </summary>
    public AnalyticsFilter FilterFor(DateOnly day, DigestCadence cadence)
    {
        var view = Dashboard;
        if (HasOwnPeriod) return view.ToFilter(day);
        var to = day.AddDays(-1);
        var from = cadence == DigestCadence.Daily ? to : to.AddDays(-6);
        return new AnalyticsFilter(from, to, view.Vacancy, view.Source, view.Consultant, view.Location);
    }
}
