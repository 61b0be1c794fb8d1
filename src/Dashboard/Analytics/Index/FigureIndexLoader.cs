using Dashboard.Projection.ReadModel;
using Dashboard.Senders.Firstbird;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Index;

/// <summary>
/// Reads the index's rows from the store: all of them for a fresh index, or those of the candidates and vacancies a
/// batch stamped after a given <see cref="ReadModelClock.Version"/>. Candidates are read in runs of consecutive ids,
/// each with its pairs and observations, so neither side holds the whole read model at once.
/// </summary>
internal static class FigureIndexLoader
{
    private const int CandidatesPerRun = 5_000;
    private const int KeysPerQuery = 500;

    public sealed record CandidateRow(string CandidateId, DateTime CreatedAt, string? Source, string? ConsultantId, string? ConsultantName, string? Location);

    private sealed record PairRow(string CandidateId, string VacancyId, DateTime FirstObservedAt, string? CurrentStatusKey);

    private sealed record ObservationRow(string CandidateId, string VacancyId, string StatusKey, DateTime FirstObservedAt);

    public static async Task<ReadModelClock> ClockAsync(DashboardDbContext db, CancellationToken ct) =>
        await db.ReadModelClock.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ReadModelClock.SingleRowId, ct) ?? new ReadModelClock();

    /// <summary>A fresh index of the whole store, and the clock it is current with.</summary>
    public static async Task<(FigureIndex Index, ReadModelClock Clock)> LoadAsync(IDbContextFactory<DashboardDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        // Read first: whatever commits while the rest is read carries a later version and is caught up next time.
        var clock = await ClockAsync(db, ct);
        var index = new IdibuFigureIndex(
            await db.IdibuCandidates.CountAsync(ct), await db.IdibuApplications.CountAsync(ct), await db.IdibuStatusObservations.CountAsync(ct));
        foreach (var vacancy in await VacanciesAsync(db, changedAfter: null, ct)) Put(index, vacancy);

        string? after = null;
        while (true)
        {
            var run = await db.IdibuCandidates
                .Where(c => after == null || string.Compare(c.CandidateId, after) > 0)
                .OrderBy(c => c.CandidateId).Take(CandidatesPerRun)
                .Select(c => new CandidateRow(c.CandidateId, c.CreatedAt, c.Source, c.ConsultantId, c.ConsultantName, c.Location))
                .ToListAsync(ct);
            if (run.Count == 0) break;
            var (first, last) = (run[0].CandidateId, run[^1].CandidateId);
            var pairs = await db.IdibuApplications
                .Where(a => string.Compare(a.CandidateId, first) >= 0 && string.Compare(a.CandidateId, last) <= 0)
                .Select(a => new PairRow(a.CandidateId, a.VacancyId, a.FirstObservedAt, a.CurrentStatusKey)).ToListAsync(ct);
            var observations = await db.IdibuStatusObservations
                .Where(o => string.Compare(o.CandidateId, first) >= 0 && string.Compare(o.CandidateId, last) <= 0)
                .Select(o => new ObservationRow(o.CandidateId, o.VacancyId, o.StatusKey, o.FirstObservedAt)).ToListAsync(ct);
            Put(index, run, pairs, observations);
            after = last;
        }
        var referrals = new ReferralFigureIndex();
        foreach (var entry in await ReferralsAsync(db, db.ReferralApplications, ct)) referrals.Put(entry);
        return (new FigureIndex(index, referrals), clock);
    }

    /// <summary>The applications with the current feedback of each of their referrals, as the referral figures read them.</summary>
    private static async Task<List<ReferralEntry>> ReferralsAsync(DashboardDbContext db, IQueryable<ReferralApplication> applications, CancellationToken ct)
    {
        var rows = await applications
            .Select(a => new { a.ApplicationId, a.ReceivedAt, a.HiredAt, a.Deleted, a.RewardEligible, a.State, a.ReceivedType, a.Rating, a.CloseReason })
            .ToListAsync(ct);
        var feedback = (await ReferralQueries.CurrentFeedbackAsync(db, applications.Select(a => a.ApplicationId), ct))
            .ToLookup(f => f.ApplicationId!, f => f.ReferralType, StringComparer.Ordinal);
        return rows.Select(a => new ReferralEntry(a.ApplicationId, a.ReceivedAt, a.HiredAt, a.Deleted, a.RewardEligible, a.State,
            a.ReceivedType, a.Rating, a.CloseReason, feedback[a.ApplicationId].ToList())).ToList();
    }

    /// <summary>What changed after <paramref name="seenVersion"/>, read now and applied later under the index's write lock.</summary>
    public static async Task<Action<FigureIndex>?> ChangesAsync(
        DashboardDbContext db, long seenVersion, int mostCandidates, CancellationToken ct)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var vacancies = await VacanciesAsync(db, seenVersion, ct);
        var changed = await db.IdibuCandidates.Where(c => c.ChangeVersion > seenVersion)
            .OrderBy(c => c.ChangeVersion).Take(mostCandidates + 1)
            .Select(c => new CandidateRow(c.CandidateId, c.CreatedAt, c.Source, c.ConsultantId, c.ConsultantName, c.Location))
            .ToListAsync(ct);
        if (changed.Count > mostCandidates) return null;

        var pairs = new List<PairRow>();
        var observations = new List<ObservationRow>();
        foreach (var keys in changed.Select(c => c.CandidateId).Chunk(KeysPerQuery))
        {
            pairs.AddRange(await db.IdibuApplications.Where(a => keys.Contains(a.CandidateId))
                .Select(a => new PairRow(a.CandidateId, a.VacancyId, a.FirstObservedAt, a.CurrentStatusKey)).ToListAsync(ct));
            observations.AddRange(await db.IdibuStatusObservations.Where(o => keys.Contains(o.CandidateId))
                .Select(o => new ObservationRow(o.CandidateId, o.VacancyId, o.StatusKey, o.FirstObservedAt)).ToListAsync(ct));
        }
        var referrals = await db.ReferralApplications.CountAsync(a => a.ChangeVersion > seenVersion, ct) > mostCandidates
            ? null
            : await ReferralsAsync(db, db.ReferralApplications.Where(a => a.ChangeVersion > seenVersion), ct);
        if (referrals is null) return null;
        return index =>
        {
            foreach (var vacancy in vacancies) Put(index.Idibu, vacancy);
            Put(index.Idibu, changed, pairs, observations);
            foreach (var referral in referrals) index.Referrals.Put(referral);
        };
    }

    private sealed record VacancyRow(string VacancyId, string? Title, string? Reference, string? Place, string? Status);

    private static Task<List<VacancyRow>> VacanciesAsync(DashboardDbContext db, long? changedAfter, CancellationToken ct) =>
        db.IdibuVacancies.Where(v => changedAfter == null || v.ChangeVersion > changedAfter)
            .Select(v => new VacancyRow(v.VacancyId, v.Title, v.Reference, v.Location ?? v.Country, v.Status))
            .ToListAsync(ct);

    private static void Put(IdibuFigureIndex index, VacancyRow vacancy) =>
        index.PutVacancy(vacancy.VacancyId, FilterOptionQueries.VacancyLabel(vacancy.VacancyId, vacancy.Title, vacancy.Reference),
            vacancy.Place, OverviewQueries.IsActive(vacancy.Status));

    private static void Put(IdibuFigureIndex index, List<CandidateRow> candidates, List<PairRow> pairs, List<ObservationRow> observations)
    {
        var pairsOf = pairs.ToLookup(p => p.CandidateId, StringComparer.Ordinal);
        var observed = observations.ToLookup(o => (o.CandidateId, o.VacancyId));
        var buffer = new List<(int Status, long At)>();
        foreach (var candidate in candidates)
        {
            var slot = index.PutCandidate(candidate.CandidateId, candidate.CreatedAt.Ticks, candidate.Source, candidate.ConsultantId,
                candidate.ConsultantName, candidate.Location);
            foreach (var pair in pairsOf[candidate.CandidateId])
            {
                buffer.Clear();
                foreach (var observation in observed[(pair.CandidateId, pair.VacancyId)])
                    buffer.Add((index.Statuses.IdOf(observation.StatusKey), observation.FirstObservedAt.Ticks));
                index.PutPair(slot, pair.VacancyId, pair.FirstObservedAt.Ticks, pair.CurrentStatusKey,
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
            }
            index.EndCandidate(slot);
        }
    }
}
