using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Senders.Idibu;

/// <summary>
/// The idibu rows one projector batch can touch, loaded untracked in a few set queries before the batch is applied
/// and kept up to date as rows are added, so applying a delivery needs no round trip of its own. What the batch adds
/// is listed in order, and each loaded row keeps what it held when loaded, so the batch writes only the rows it added
/// or changed (see <see cref="IdibuProjectionBatch"/>).
/// </summary>
public sealed class IdibuBatchRows
{
    public LoadedRows Loaded { get; } = new(ValuesOf);

    public Dictionary<string, IdibuCandidate?> Candidates { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, IdibuApplicationRow>> PairsByCandidate { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Candidate, string Vacancy, string Status), IdibuStatusObservation> Observations { get; } = [];
    public Dictionary<string, IdibuStatusDefinition> Statuses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IdibuVacancy?> Vacancies { get; } = new(StringComparer.Ordinal);
    public HashSet<long> SnapshotDeliveries { get; } = [];
    public List<IdibuSnapshot> NewSnapshots { get; } = [];

    public bool IsAddedOrChanged(object row) => Loaded.IsAddedOrChanged(row);

    // What a batch can change of each kind of row; keys never change.
    private static object ValuesOf(object row) => row switch
    {
        IdibuApplicationRow a => (a.FirstObservedAt, a.CurrentStatusKey, a.DeliveryId),
        IdibuStatusObservation o => (o.FirstObservedAt, o.DeliveryId),
        IdibuStatusDefinition s => (s.Label, s.LabelSeenAt),
        IdibuVacancy v => (v.Title, v.Reference, v.Status, v.Location, v.Country, v.SnapshotAt, v.SnapshotTieBreak, v.DeliveryId),
        _ => row,
    };

    public async Task LoadAsync(DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyCollection<IdibuDelivery> idibu, CancellationToken ct)
    {
        var candidateIds = idibu.OfType<IdibuCandidateSnapshot>().Select(s => s.CandidateId).Distinct().ToList();
        var vacancyIds = idibu.OfType<IdibuCandidateSnapshot>().SelectMany(s => s.Vacancies.Select(v => v.VacancyId))
            .Concat(idibu.OfType<IdibuVacancySnapshot>().Select(v => v.VacancyId)).Distinct().ToList();

        foreach (var id in candidateIds)
        {
            Candidates[id] = null;
            PairsByCandidate[id] = new Dictionary<string, IdibuApplicationRow>(StringComparer.Ordinal);
        }
        foreach (var id in vacancyIds) Vacancies[id] = null;

        foreach (var status in await db.IdibuStatuses.AsNoTracking().ToListAsync(ct))
        {
            Statuses[status.StatusKey] = status;
            Loaded.Add(status);
        }
        await LoadedRows.InChunksAsync(candidateIds, async keys =>
        {
            foreach (var c in await db.IdibuCandidates.AsNoTracking().Where(c => keys.Contains(c.CandidateId)).ToListAsync(ct)) Candidates[c.CandidateId] = c;
            foreach (var a in await db.IdibuApplications.AsNoTracking().Where(a => keys.Contains(a.CandidateId)).ToListAsync(ct))
            {
                PairsByCandidate[a.CandidateId][a.VacancyId] = a;
                Loaded.Add(a);
            }
            foreach (var o in await db.IdibuStatusObservations.AsNoTracking().Where(o => keys.Contains(o.CandidateId)).ToListAsync(ct))
            {
                Observations[(o.CandidateId, o.VacancyId, o.StatusKey)] = o;
                Loaded.Add(o);
            }
        });
        await LoadedRows.InChunksAsync(vacancyIds, async keys =>
        {
            foreach (var v in await db.IdibuVacancies.AsNoTracking().Where(v => keys.Contains(v.VacancyId)).ToListAsync(ct))
            {
                Vacancies[v.VacancyId] = v;
                Loaded.Add(v);
            }
        });
        await LoadedRows.InChunksAsync(deliveryIds.ToList(), async keys =>
            SnapshotDeliveries.UnionWith(await db.IdibuSnapshots.AsNoTracking().Where(s => keys.Contains(s.DeliveryId)).Select(s => s.DeliveryId).ToListAsync(ct)));
    }
}
