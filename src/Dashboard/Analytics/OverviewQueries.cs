using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>The headline tiles, each compared with the period of the same length just before.</summary>
internal static class OverviewQueries
{
    public static async Task<OverviewFigures> OverviewAsync(
        DashboardDbContext db, AnalyticsFilter filter, AnalyticsFilter? previous, StatusTargets targets, CancellationToken ct)
    {
        var now = await CountsAsync(db, filter, targets, ct);
        (int Candidates, int Placed, int Referrals, int Hires)? before = previous is null ? null : await CountsAsync(db, previous, targets, ct);
        var activeVacancies = await db.IdibuVacancies.AsNoTracking()
            .CountAsync(v => v.Status == null || v.Status == "active" || v.Status == "open", ct);
        return new OverviewFigures(
            new Tile(now.Candidates, before?.Candidates),
            new Tile(activeVacancies, null),
            new Tile(now.Placed, before?.Placed),
            new Tile(now.Referrals, before?.Referrals),
            new Tile(now.Hires, before?.Hires));
    }

    private static async Task<(int Candidates, int Placed, int Referrals, int Hires)> CountsAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var candidates = CandidateScope.Candidates(db, filter);
        var referrals = db.ReferralApplications.AsNoTracking()
            .Where(a => !a.Deleted && a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive);
        return (
            await candidates.CountAsync(ct),
            await CandidateScope.Placed(db, candidates, targets.PlacedKeys).CountAsync(ct),
            await referrals.CountAsync(ct),
            await referrals.CountAsync(a => a.State == ReferralStates.Hired, ct));
    }
}
