using Dashboard.Senders.Firstbird;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>The headline tiles, each compared with the period of the same length just before.</summary>
internal static class OverviewQueries
{
    public static async Task<OverviewFigures> OverviewAsync(
        DashboardDbContext db, AnalyticsFilter filter, AnalyticsFilter? previous, StatusTargets targets, CancellationToken ct)
    {
        var now = await CandidateCountsAsync(db, filter, targets, ct);
        var before = previous is null ? null : await CandidateCountsAsync(db, previous, targets, ct);
        var activeVacancies = await db.IdibuVacancies.AsNoTracking()
            .CountAsync(v => v.Status == null || v.Status == "active" || v.Status == "open", ct);
        return await WithReferralsAsync(db, filter, previous, now, before, activeVacancies, ct);
    }

    private static async Task<OverviewFigures> WithReferralsAsync(
        DashboardDbContext db, AnalyticsFilter filter, AnalyticsFilter? previous, CandidateCounts now, CandidateCounts? before,
        int activeVacancies, CancellationToken ct) =>
        Tiles(now, before, await ReferralCountsAsync(db, filter, ct), previous is null ? null : await ReferralCountsAsync(db, previous, ct),
            activeVacancies);

    /// <summary>The tiles from counts made elsewhere (the figure index answers them all in memory).</summary>
    public static OverviewFigures Tiles(
        CandidateCounts now, CandidateCounts? before, ReferralCounts referralsNow, ReferralCounts? referralsBefore, int activeVacancies) =>
        new(
            new Tile(now.Candidates, before?.Candidates),
            new Tile(activeVacancies, null),
            new Tile(now.Placed, before?.Placed),
            new Tile(referralsNow.Referrals, referralsBefore?.Referrals),
            new Tile(referralsNow.Hires, referralsBefore?.Hires));

    /// <summary>A vacancy idibu has not closed: no status yet, or an open one.</summary>
    public static bool IsActive(string? status) => status is null or "active" or "open";

    private static async Task<CandidateCounts> CandidateCountsAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var candidates = CandidateScope.Candidates(db, filter);
        return new CandidateCounts(await candidates.CountAsync(ct), await CandidateScope.Placed(db, candidates, targets.PlacedKeys).CountAsync(ct));
    }

    private static async Task<ReferralCounts> ReferralCountsAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var referrals = db.ReferralApplications.AsNoTracking()
            .Where(a => !a.Deleted && a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive);
        return new ReferralCounts(await referrals.CountAsync(ct), await referrals.CountAsync(a => a.State == ReferralStates.Hired, ct));
    }
}

/// <summary>Candidates a filter selects and how many of them were placed.</summary>
internal sealed record CandidateCounts(int Candidates, int Placed);

/// <summary>Live referral applications received in a filter's dates and how many of them were hires.</summary>
internal sealed record ReferralCounts(int Referrals, int Hires);
