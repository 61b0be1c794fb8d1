using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>A candidate behind a figure. Never the email: charts and their lists show what recruiters act on.</summary>
public sealed record CandidateRow(string CandidateId, string Name, string Source, string? Consultant, DateTime CreatedAt, bool Placed);

public interface IRowPage
{
    System.Collections.IEnumerable Rows { get; }

    /// <summary>The same page, saying which zone its instants are to be read in.</summary>
    object InZone(string zone);
}

public sealed record RowPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total) : IRowPage
{
    System.Collections.IEnumerable IRowPage.Rows => Items;

    /// <summary>The zone the API answered in; its instants stay UTC in JSON, as ISO 8601 with a Z.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeZone { get; init; }

    object IRowPage.InZone(string zone) => this with { TimeZone = zone };
}

/// <summary>The rows behind a bar, a slice or a stage, a page at a time, in the database.</summary>
internal static class DrillDownQueries
{
    public const int MaxPageSize = 100;

    public static async Task<RowPage<CandidateRow>> CandidatesAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, string? reachedStage, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Bounded(page, pageSize);
        var candidates = CandidateScope.Candidates(db, filter);
        if (reachedStage is not null)
        {
            var keys = targets.KeysReaching(targets.Funnel.StageIndexOf(reachedStage));
            var pairs = CandidateScope.Pairs(db, filter);
            candidates = db.IdibuCandidates.Where(c => pairs.Any(p => p.CandidateId == c.CandidateId &&
                db.IdibuStatusObservations.Any(o => o.CandidateId == p.CandidateId && o.VacancyId == p.VacancyId && keys.Contains(o.StatusKey))));
        }
        var placedKeys = targets.PlacedKeys;
        var total = await candidates.CountAsync(ct);
        var rows = await candidates.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.CandidateId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.CandidateId, c.FirstName, c.LastName, c.Source, c.ConsultantName, c.CreatedAt,
                Placed = db.IdibuStatusObservations.Any(o => o.CandidateId == c.CandidateId && placedKeys.Contains(o.StatusKey)),
            })
            .ToListAsync(ct);
        return new RowPage<CandidateRow>(
            rows.Select(r => new CandidateRow(r.CandidateId, NameOf(r.FirstName, r.LastName, r.CandidateId), r.Source ?? AnalyticsFilter.Unknown,
                r.ConsultantName, r.CreatedAt, r.Placed)).ToList(),
            page, pageSize, total);
    }

    /// <summary>The rows of a page whose candidates the figure index chose, in its order; one erased meanwhile is left out.</summary>
    public static async Task<RowPage<CandidateRow>> RowsAsync(
        DashboardDbContext db, IReadOnlyList<(string CandidateId, bool Placed)> chosen, int page, int pageSize, int total, CancellationToken ct)
    {
        var ids = chosen.Select(c => c.CandidateId).ToList();
        var rows = await db.IdibuCandidates.AsNoTracking().Where(c => ids.Contains(c.CandidateId))
            .Select(c => new { c.CandidateId, c.FirstName, c.LastName, c.Source, c.ConsultantName, c.CreatedAt })
            .ToDictionaryAsync(c => c.CandidateId, StringComparer.Ordinal, ct);
        return new RowPage<CandidateRow>(
            chosen.Where(c => rows.ContainsKey(c.CandidateId)).Select(c => rows[c.CandidateId]).Select((r, i) => new CandidateRow(
                r.CandidateId, NameOf(r.FirstName, r.LastName, r.CandidateId), r.Source ?? AnalyticsFilter.Unknown, r.ConsultantName, r.CreatedAt,
                chosen.First(c => c.CandidateId == r.CandidateId).Placed)).ToList(),
            page, pageSize, total);
    }

    public static (int Page, int PageSize) Bounded(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));

    internal static string NameOf(string? first, string? last, string id) =>
        string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : $"Candidate {id}";
}
