using Dashboard.Analytics;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>
/// The fixed set of filters every query is measured over. Dates count back from the newest candidate in the store,
/// so the same set means the same thing on a store of any size.
/// </summary>
public static class FilterCombinations
{
    public static async Task<IReadOnlyList<(string Name, AnalyticsFilter Filter)>> ForAsync(IDbContextFactory<DashboardDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var newest = await db.IdibuCandidates.MaxAsync(c => (DateTime?)c.CreatedAt) ?? DateTime.UtcNow;
        var last = DateOnly.FromDateTime(newest);
        return For(last);
    }

    public static IReadOnlyList<(string Name, AnalyticsFilter Filter)> For(DateOnly last) =>
    [
        ("no filter", AnalyticsFilter.None),
        ("last 90 days", new AnalyticsFilter(last.AddDays(-89), last)),
        ("one source", new AnalyticsFilter(Source: "LinkedIn")),
        ("one consultant", new AnalyticsFilter(Consultant: "501")),
        ("one vacancy", new AnalyticsFilter(Vacancy: "9002")),
        ("one location + 90 days", new AnalyticsFilter(last.AddDays(-89), last, Location: "London")),
        ("source + consultant + 30 days", new AnalyticsFilter(last.AddDays(-29), last, Source: "Indeed", Consultant: "503")),
    ];
}
