using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Dashboard.Instances;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;

namespace Dashboard.Projection;

/// <summary>
/// The read-model rows one projector batch can touch, loaded untracked in a few set queries before the batch is
/// applied and kept up to date as rows are added, so applying a delivery needs no round trip of its own. What the
/// batch adds is listed in order, and each loaded row keeps what it held when loaded, so the batch writes only the
/// rows it added or changed (see <see cref="ProjectionBatchWriter"/>).
/// </summary>
public sealed class ProjectionBatchRows
{
    // SQLite allows 32,766 parameters per statement; stay far below it whatever EF makes of a list.
    private const int KeysPerQuery = 500;

    private readonly Dictionary<object, object> _asLoaded = new(ReferenceEqualityComparer.Instance);

    private ProjectionBatchRows()
    {
    }

    public Dictionary<string, IdibuCandidate?> Candidates { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, IdibuApplicationRow>> PairsByCandidate { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Candidate, string Vacancy, string Status), IdibuStatusObservation> Observations { get; } = [];
    public Dictionary<string, IdibuStatusDefinition> Statuses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IdibuVacancy?> Vacancies { get; } = new(StringComparer.Ordinal);
    public HashSet<long> SnapshotDeliveries { get; } = [];
    public Dictionary<string, FirstbirdEventRow?> EventsByHash { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<FirstbirdEventRow>> EventsByApplication { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReferralApplication?> Referrals { get; } = new(StringComparer.Ordinal);
    public HashSet<(long Delivery, int Index)> QuarantinedEnvelopes { get; } = [];

    public List<IdibuSnapshot> NewSnapshots { get; } = [];
    public List<FirstbirdEventRow> NewEvents { get; } = [];
    public List<QuarantinedEnvelope> NewQuarantinedEnvelopes { get; } = [];

    /// <summary>Whether the batch added <paramref name="row"/> or changed it since it was loaded.</summary>
    public bool IsAddedOrChanged(object row) => !_asLoaded.TryGetValue(row, out var loaded) || !Equals(loaded, ValuesOf(row));

    /// <summary>Whether the row was in the store before the batch.</summary>
    public bool WasLoaded(object row) => _asLoaded.ContainsKey(row);

    /// <summary>How many repeats the batch added to an event's count.</summary>
    public int RepeatsAdded(FirstbirdEventRow row) =>
        row.RepeatCount - (_asLoaded.TryGetValue(row, out var loaded) ? (int)loaded : 0);

    private void Loaded(object row) => _asLoaded[row] = ValuesOf(row);

    // What a batch can change of each kind of row; keys never change.
    private static object ValuesOf(object row) => row switch
    {
        IdibuApplicationRow a => (a.FirstObservedAt, a.CurrentStatusKey, a.DeliveryId),
        IdibuStatusObservation o => (o.FirstObservedAt, o.DeliveryId),
        IdibuStatusDefinition s => (s.Label, s.LabelSeenAt),
        IdibuVacancy v => (v.Title, v.Reference, v.Status, v.Location, v.Country, v.SnapshotAt, v.SnapshotTieBreak, v.DeliveryId),
        FirstbirdEventRow e => e.RepeatCount,
        _ => row,
    };

    public static async Task<ProjectionBatchRows> LoadAsync(
        DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyCollection<IdibuDelivery> idibu,
        IReadOnlyCollection<FirstbirdBatch> firstbird, CancellationToken ct)
    {
        var rows = new ProjectionBatchRows();
        var candidateIds = idibu.OfType<IdibuCandidateSnapshot>().Select(s => s.CandidateId).Distinct().ToList();
        var vacancyIds = idibu.OfType<IdibuCandidateSnapshot>().SelectMany(s => s.Vacancies.Select(v => v.VacancyId))
            .Concat(idibu.OfType<IdibuVacancySnapshot>().Select(v => v.VacancyId)).Distinct().ToList();
        var envelopes = firstbird.SelectMany(b => b.Envelopes).ToList();
        var hashes = envelopes.Where(e => e.Event is not null).Select(e => e.EnvelopeHash).Distinct().ToList();
        var applicationIds = envelopes.Select(e => e.Event?.ApplicationId).OfType<string>().Distinct().ToList();

        foreach (var id in candidateIds)
        {
            rows.Candidates[id] = null;
            rows.PairsByCandidate[id] = new Dictionary<string, IdibuApplicationRow>(StringComparer.Ordinal);
        }
        foreach (var id in vacancyIds) rows.Vacancies[id] = null;
        foreach (var hash in hashes) rows.EventsByHash[hash] = null;
        foreach (var id in applicationIds)
        {
            rows.Referrals[id] = null;
            rows.EventsByApplication[id] = [];
        }

        foreach (var status in await db.IdibuStatuses.AsNoTracking().ToListAsync(ct))
        {
            rows.Statuses[status.StatusKey] = status;
            rows.Loaded(status);
        }
        await InChunksAsync(candidateIds, async keys =>
        {
            foreach (var c in await db.IdibuCandidates.AsNoTracking().Where(c => keys.Contains(c.CandidateId)).ToListAsync(ct)) rows.Candidates[c.CandidateId] = c;
            foreach (var a in await db.IdibuApplications.AsNoTracking().Where(a => keys.Contains(a.CandidateId)).ToListAsync(ct))
            {
                rows.PairsByCandidate[a.CandidateId][a.VacancyId] = a;
                rows.Loaded(a);
            }
            foreach (var o in await db.IdibuStatusObservations.AsNoTracking().Where(o => keys.Contains(o.CandidateId)).ToListAsync(ct))
            {
                rows.Observations[(o.CandidateId, o.VacancyId, o.StatusKey)] = o;
                rows.Loaded(o);
            }
        });
        await InChunksAsync(vacancyIds, async keys =>
        {
            foreach (var v in await db.IdibuVacancies.AsNoTracking().Where(v => keys.Contains(v.VacancyId)).ToListAsync(ct))
            {
                rows.Vacancies[v.VacancyId] = v;
                rows.Loaded(v);
            }
        });
        await InChunksAsync(deliveryIds.ToList(), async keys =>
        {
            rows.SnapshotDeliveries.UnionWith(await db.IdibuSnapshots.AsNoTracking().Where(s => keys.Contains(s.DeliveryId)).Select(s => s.DeliveryId).ToListAsync(ct));
            foreach (var q in await db.QuarantinedEnvelopes.AsNoTracking().Where(q => keys.Contains(q.DeliveryId)).Select(q => new { q.DeliveryId, q.EnvelopeIndex }).ToListAsync(ct))
                rows.QuarantinedEnvelopes.Add((q.DeliveryId, q.EnvelopeIndex));
        });
        await InChunksAsync(applicationIds, async keys =>
        {
            foreach (var e in await db.FirstbirdEvents.AsNoTracking().Where(e => e.ApplicationId != null && keys.Contains(e.ApplicationId)).ToListAsync(ct))
                rows.NoteLoadedEvent(e);
            foreach (var r in await db.ReferralApplications.AsNoTracking().Where(r => keys.Contains(r.ApplicationId)).ToListAsync(ct)) rows.Referrals[r.ApplicationId] = r;
        });
        // An envelope seen before may belong to an application this batch does not mention (or to none).
        var unseen = hashes.Where(h => rows.EventsByHash[h] is null).ToList();
        await InChunksAsync(unseen, async keys =>
        {
            foreach (var e in await db.FirstbirdEvents.AsNoTracking().Where(e => keys.Contains(e.EnvelopeHash)).ToListAsync(ct)) rows.NoteLoadedEvent(e);
        });
        return rows;
    }

    private void NoteLoadedEvent(FirstbirdEventRow row)
    {
        Loaded(row);
        NoteEvent(row);
    }

    /// <summary>Keeps a fact findable by its hash and, when it belongs to an application of this batch, by that too.</summary>
    public void NoteEvent(FirstbirdEventRow row)
    {
        EventsByHash[row.EnvelopeHash] = row;
        if (row.ApplicationId is { } id && EventsByApplication.TryGetValue(id, out var facts) && !facts.Contains(row)) facts.Add(row);
    }

    private static async Task InChunksAsync(List<string> keys, Func<List<string>, Task> load)
    {
        for (var i = 0; i < keys.Count; i += KeysPerQuery) await load(keys.GetRange(i, Math.Min(KeysPerQuery, keys.Count - i)));
    }

    private static async Task InChunksAsync(List<long> keys, Func<List<long>, Task> load)
    {
        for (var i = 0; i < keys.Count; i += KeysPerQuery) await load(keys.GetRange(i, Math.Min(KeysPerQuery, keys.Count - i)));
    }
}
