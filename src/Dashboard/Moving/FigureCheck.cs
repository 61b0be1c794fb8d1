using System.Globalization;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Projection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Moving;

/// <summary>What the final check found: the figures that differ (by name only) and the deliveries per status on each side.</summary>
public sealed record FigureCheckResult(
    IReadOnlyList<string> Differences, int FiguresCompared,
    IReadOnlyDictionary<string, int> SourceStatuses, IReadOnlyDictionary<string, int> TargetStatuses)
{
    public bool Match => Differences.Count == 0;
}

/// <summary>
/// Computes every figure the analytics API answers on both stores, through the same query service the API uses and
/// serialised the same way, and compares them; then the deliveries per status. Only the names of differing figures
/// are reported: the figures themselves can hold names and drill-down rows, which do not belong in a console.
/// </summary>
public static class FigureCheck
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<FigureCheckResult> CompareAsync(OpenedStore source, OpenedStore target, CancellationToken ct)
    {
        var filters = new List<(string Name, AnalyticsFilter Filter)> { ("no filter", AnalyticsFilter.None) };
        if (await RecentFourWeeksAsync(source, ct) is { } range) filters.Add((range.ToQueryString(), range));

        var differences = new List<string>();
        var compared = 0;
        foreach (var (name, filter) in filters)
        {
            // Both stores at once: some figures (a funnel per vacancy) take a while on a big store.
            var both = await Task.WhenAll(FiguresAsync(Queries(source), filter, ct), FiguresAsync(Queries(target), filter, ct));
            var (theirs, ours) = (both[0], both[1]);
            foreach (var figure in theirs.Keys)
            {
                compared++;
                if (theirs[figure] != ours[figure]) differences.Add($"{figure} ({name})");
            }
        }

        var sourceStatuses = await StatusesAsync(source, ct);
        var targetStatuses = await StatusesAsync(target, ct);
        foreach (var status in sourceStatuses.Keys.Union(targetStatuses.Keys).Order(StringComparer.Ordinal))
            if (sourceStatuses.GetValueOrDefault(status) != targetStatuses.GetValueOrDefault(status))
                differences.Add($"deliveries {status}");
        return new FigureCheckResult(differences, compared, sourceStatuses, targetStatuses);
    }

    private static AnalyticsQueryService Queries(OpenedStore store) => new(store.Factory, new FunnelDefinitionStore(store.Factory));

    /// <summary>Every analytics endpoint's figures, keyed by its path under <c>/api/analytics/</c>.</summary>
    public static async Task<Dictionary<string, string>> FiguresAsync(IAnalyticsQueries q, AnalyticsFilter f, CancellationToken ct) => new()
    {
        ["sources"] = Json(await q.SourcesAsync(f, ct)),
        ["locations"] = Json(await q.LocationsAsync(f, ct)),
        ["consultants"] = Json(await q.ConsultantsAsync(f, ct)),
        ["funnel"] = Json(await q.FunnelAsync(f, ct)),
        ["referrals"] = Json(await q.ReferralsAsync(f, ct)),
        ["quality"] = Json(await q.QualityAsync(f, ct)),
        ["overview"] = Json(await q.OverviewAsync(f, f.PreviousPeriod(), ct)),
        ["funnel-timings"] = Json(await q.FunnelTimingsAsync(f, ct)),
        ["vacancy-funnels"] = Json(await q.VacancyFunnelsAsync(f, ct)),
        ["candidates-over-time"] = Json(await q.CandidatesOverTimeAsync(f, ct)),
        ["referrals-over-time"] = Json(await q.ReferralsOverTimeAsync(f, ct)),
        ["quality-over-time"] = Json(await q.QualityOverTimeAsync(f, ct)),
        ["candidates"] = Json(await q.CandidatesAsync(f, null, 1, 25, ct)),
        ["referral-applications"] = Json(await q.ReferralApplicationsAsync(f, ReferralSelection.All, 1, 25, ct)),
    };

    private static string Json<T>(T figures) => JsonSerializer.Serialize(figures, Web);

    /// <summary>The four weeks up to the newest candidate: a date range that holds data whatever the store's age.</summary>
    private static async Task<AnalyticsFilter?> RecentFourWeeksAsync(OpenedStore source, CancellationToken ct)
    {
        await using var db = await source.Factory.CreateDbContextAsync(ct);
        var newest = await db.IdibuCandidates.MaxAsync(c => (DateTime?)c.CreatedAt, ct);
        if (newest is not { } last) return null;
        var to = DateOnly.FromDateTime(last);
        return new AnalyticsFilter(From: to.AddDays(-27), To: to);
    }

    private static async Task<Dictionary<string, int>> StatusesAsync(OpenedStore store, CancellationToken ct)
    {
        await using var db = await store.Factory.CreateDbContextAsync(ct);
        var counts = await DeliveryStandings.CountsAsync(db, ct);
        return counts.ToDictionary(c => c.Key.ToString().ToLower(CultureInfo.InvariantCulture), c => c.Value);
    }
}
