using System.Globalization;
using Dashboard.Analytics.Pages;
using Dashboard.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.SavedViews;

/// <summary>
/// Where a saved view opens: one dashboard page and the view of it its query describes, written back in one form
/// (known parameters only, in a fixed order, defaults left out), so two saves of the same view store the same text.
/// </summary>
public sealed record SavedViewAddress(DashboardPage Page, DashboardView View)
{
    public const int MaxQueryLength = 4_000;

    private static readonly string[] Parameters = ["range", "from", "to", "vacancy", "source", "consultant", "location"];

    /// <summary>The filters as a URL query, without the <c>?</c>.</summary>
    public string Query => string.Join('&', View.ToQuery()
        .Where(p => p.Value is string { Length: > 0 })
        .Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}"));

    /// <summary>The view's link within the app.</summary>
    public string Href => Query.Length == 0 ? Page.Path : $"{Page.Path}?{Query}";

    /// <summary>
    /// The view a page of the app shows at <paramref name="relativeUrl"/> (as the address bar has it, without the
    /// site): read as the page reads it, so what is saved is what is on screen. Null when it is no dashboard page.
    /// </summary>
    public static SavedViewAddress? OfPageAt(string relativeUrl)
    {
        var (path, query) = Split(relativeUrl);
        if (DashboardPages.ByPath(path) is not { } page) return null;
        var values = QueryHelpers.ParseQuery(query);
        string? Value(string name) => values.TryGetValue(name, out var v) ? v.ToString() : null;
        return new SavedViewAddress(page, DashboardView.FromQuery(
            Value("range"), Value("from"), Value("to"), Value("vacancy"), Value("source"), Value("consultant"), Value("location")));
    }

    /// <summary>A view stored earlier; a page that no longer exists opens the overview with the same filters.</summary>
    public static SavedViewAddress Stored(string page, string query) =>
        OfPageAt($"{page}?{query}") ?? OfPageAt($"/?{query}")!;

    /// <summary>
    /// A view asked for through the API: the page must be a dashboard page and the query may hold only the filters,
    /// each well formed; else the problem names <c>page</c> or <c>query</c>.
    /// </summary>
    public static bool TryRead(string? page, string? query, out SavedViewAddress? address, out ParameterProblem? problem)
    {
        address = null;
        problem = null;
        if (DashboardPages.ByPath(page) is null || string.IsNullOrWhiteSpace(page))
        {
            problem = new ParameterProblem("page", $"'page' must be one of {string.Join(", ", DashboardPages.All.Select(p => p.Path))}.");
            return false;
        }
        var values = QueryHelpers.ParseQuery(query?.TrimStart('?'));
        if (values.Keys.Any(k => !Parameters.Contains(k, StringComparer.Ordinal)))
        {
            problem = new ParameterProblem("query", $"'query' may hold only {string.Join(", ", Parameters)}.");
            return false;
        }
        if (values.TryGetValue("range", out var range) && !DashboardView.Ranges.Any(r => r.Value == range.ToString()))
        {
            problem = new ParameterProblem("query", $"'query' has a range that is none of {string.Join(", ", DashboardView.Ranges.Select(r => r.Value))}.");
            return false;
        }
        foreach (var day in new[] { "from", "to" })
        {
            if (values.TryGetValue(day, out var text) && !DateOnly.TryParseExact(text.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problem = new ParameterProblem("query", $"'query' has a '{day}' that is not a date written yyyy-MM-dd.");
                return false;
            }
        }
        address = OfPageAt($"{page}?{query?.TrimStart('?')}")!;
        if (address.View is { From: { } from, To: { } to } && from > to)
        {
            problem = new ParameterProblem("query", "'query' has 'from' after 'to'.");
            return false;
        }
        if (address.Query.Length > MaxQueryLength)
        {
            problem = new ParameterProblem("query", $"'query' is longer than {MaxQueryLength:N0} characters once written out.");
            return false;
        }
        return true;
    }

    private static (string Path, string Query) Split(string url)
    {
        var withoutFragment = url.Split('#')[0];
        var mark = withoutFragment.IndexOf('?');
        return mark < 0 ? (withoutFragment, "") : (withoutFragment[..mark], withoutFragment[(mark + 1)..]);
    }
}
