using Dashboard.Analytics;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>
/// The fixed set of filters every query is measured over: none, a date range, every facet alone, and pairs of facets
/// within a date range. Dates count back from the newest candidate and facet values are the store's busiest (the
/// busiest within the range for the combinations), so the set means the same on a store of any size or shape.
/// </summary>
public static class FilterCombinations
{
    public static readonly IReadOnlyList<string> Names =
    [
        "no filter", "last 90 days", "one vacancy", "one source", "one consultant", "one location",
        "source + consultant, last 30 days", "vacancy + source, last 90 days", "location + consultant, last 90 days",
    ];

    /// <summary>The filters with their days and weeks cut in <c>--tz</c>'s zone (an IANA id), when the command names one.</summary>
    public static async Task<IReadOnlyList<(string Name, AnalyticsFilter Filter)>> ForAsync(
        IDbContextFactory<DashboardDbContext> factory, CommandOptions options)
    {
        var filters = await ForAsync(factory);
        if (options.Text("tz") is not { } id) return filters;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        return filters.Select(f => (f.Name, f.Filter with { Zone = zone })).ToList();
    }

    public static async Task<IReadOnlyList<(string Name, AnalyticsFilter Filter)>> ForAsync(IDbContextFactory<DashboardDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var newest = await db.IdibuCandidates.MaxAsync(c => (DateTime?)c.CreatedAt) ?? DateTime.UtcNow;
        var last = DateOnly.FromDateTime(newest);
        return For(
            last,
            await BusiestFacets.InAsync(db, AnalyticsFilter.None),
            await BusiestFacets.InAsync(db, LastDays(last, 30)),
            await BusiestFacets.InAsync(db, LastDays(last, 90)));
    }

    public static IReadOnlyList<(string Name, AnalyticsFilter Filter)> For(DateOnly last, BusiestFacets ever, BusiestFacets last30, BusiestFacets last90)
    {
        var days30 = LastDays(last, 30);
        var days90 = LastDays(last, 90);
        (string, AnalyticsFilter)[] filters =
        [
            (Names[0], AnalyticsFilter.None),
            (Names[1], days90),
            (Names[2], new AnalyticsFilter(Vacancy: ever.Vacancy)),
            (Names[3], new AnalyticsFilter(Source: ever.Source)),
            (Names[4], new AnalyticsFilter(Consultant: ever.Consultant)),
            (Names[5], new AnalyticsFilter(Location: ever.Location)),
            (Names[6], days30 with { Source = last30.Source, Consultant = last30.Consultant }),
            (Names[7], days90 with { Vacancy = last90.Vacancy, Source = last90.Source }),
            (Names[8], days90 with { Location = last90.Location, Consultant = last90.Consultant }),
        ];
        return filters;
    }

    private static AnalyticsFilter LastDays(DateOnly last, int days) => new(last.AddDays(1 - days), last);
}

/// <summary>
/// The value of each facet with the most behind it within a filter's dates: the vacancy and the place (a vacancy's,
/// as the figures place candidates without one of their own) with the most pairs, the source and the consultant
/// with the most candidates. Unknown values are never picked while a known one exists.
/// </summary>
public sealed record BusiestFacets(string Vacancy, string Source, string Consultant, string Location)
{
    public static async Task<BusiestFacets> InAsync(DashboardDbContext db, AnalyticsFilter dates)
    {
        var (from, until) = (dates.FromUtc, dates.ToUtcExclusive);
        var pairs = db.IdibuApplications.AsNoTracking().Where(a => a.FirstObservedAt >= from && a.FirstObservedAt < until);
        var candidates = db.IdibuCandidates.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < until);

        var vacancy = await pairs.GroupBy(a => a.VacancyId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync();
        var source = await candidates.Where(c => c.Source != null).GroupBy(c => c.Source)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync();
        var consultant = await candidates.Where(c => c.ConsultantId != null).GroupBy(c => c.ConsultantId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync();
        var location = await pairs
            .Join(db.IdibuVacancies, a => a.VacancyId, v => v.VacancyId, (a, v) => v.Location ?? v.Country)
            .Where(place => place != null).GroupBy(place => place)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync();
        return new BusiestFacets(
            vacancy ?? AnalyticsFilter.Unknown, source ?? AnalyticsFilter.Unknown, consultant ?? AnalyticsFilter.Unknown,
            location ?? AnalyticsFilter.Unknown);
    }

    public override string ToString() => $"vacancy {Vacancy}, source {Source}, consultant {Consultant}, location {Location}";
}
