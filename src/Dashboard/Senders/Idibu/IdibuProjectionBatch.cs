using Dashboard.Deliveries.Quality;
using Dashboard.Projection;
using Dashboard.Storage;

namespace Dashboard.Senders.Idibu;

/// <summary>idibu's share of a projector batch: its rows loaded at once, snapshots folded in, what changed written in a few upserts.</summary>
public sealed class IdibuProjectionBatch : ISenderBatch
{
    private static readonly string[] CandidateColumns =
    [
        "CandidateId", "FirstName", "LastName", "Email", "Source", "ConsultantId", "ConsultantName", "CreatedAt", "Location",
        "SnapshotAt", "SnapshotTieBreak", "DeliveryId", "ChangeVersion",
    ];
    private static readonly string[] PairColumns = ["CandidateId", "VacancyId", "FirstObservedAt", "CurrentStatusKey", "DeliveryId"];
    private static readonly string[] ObservationColumns = ["CandidateId", "VacancyId", "StatusKey", "FirstObservedAt", "DeliveryId"];
    private static readonly string[] StatusColumns = ["StatusKey", "StatusType", "StatusId", "Label", "LabelSeenAt"];
    private static readonly string[] VacancyColumns =
        ["VacancyId", "Title", "Reference", "Status", "Location", "Country", "SnapshotAt", "SnapshotTieBreak", "DeliveryId", "ChangeVersion"];
    private static readonly string[] SnapshotColumns = ["DeliveryId", "CandidateId", "SnapshotAt", "OutOfOrder"];

    private readonly IdibuBatchRows _rows = new();
    private readonly IdibuProjection _projection;

    public IdibuProjectionBatch() => _projection = new IdibuProjection(_rows);

    public Task LoadAsync(DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyList<object> parsed, CancellationToken ct) =>
        _rows.LoadAsync(db, deliveryIds, parsed.Cast<IdibuParseResult>().Select(p => p.Delivery).OfType<IdibuDelivery>().ToList(), ct);

    public string? Apply(WaitingDelivery delivery, object parsed)
    {
        var result = (IdibuParseResult)parsed;
        if (result.Delivery is not { } snapshot) return result.QuarantineReason ?? "not understood";
        _projection.Apply(delivery, snapshot);
        return null;
    }

    // Every candidate of the batch, and every vacancy it added or changed.
    private IEnumerable<IdibuCandidate> ChangedCandidates => _rows.Candidates.Values.OfType<IdibuCandidate>();

    private IEnumerable<IdibuVacancy> ChangedVacancies => _rows.Vacancies.Values.OfType<IdibuVacancy>().Where(_rows.IsAddedOrChanged);

    public bool HasChanges => ChangedCandidates.Any() || ChangedVacancies.Any();

    public void Stamp(long version)
    {
        foreach (var candidate in ChangedCandidates) candidate.ChangeVersion = version;
        foreach (var vacancy in ChangedVacancies.ToList()) vacancy.ChangeVersion = version;
    }

    public async Task WriteAsync(SetStatements sql, CancellationToken ct)
    {
        await sql.InsertAsync("IdibuVacancies", VacancyColumns, ChangedVacancies
            .Select(v => new object?[]
            {
                v.VacancyId, v.Title, v.Reference, v.Status, v.Location, v.Country, v.SnapshotAt, v.SnapshotTieBreak, v.DeliveryId, v.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuStatuses", StatusColumns, _rows.Statuses.Values.Where(_rows.IsAddedOrChanged)
            .Select(s => new object?[] { s.StatusKey, s.StatusType, s.StatusId, s.Label, s.LabelSeenAt }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuCandidates", CandidateColumns, ChangedCandidates
            .Select(c => new object?[]
            {
                c.CandidateId, c.FirstName, c.LastName, c.Email, c.Source, c.ConsultantId, c.ConsultantName, c.CreatedAt, c.Location,
                c.SnapshotAt, c.SnapshotTieBreak, c.DeliveryId, c.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuApplications", PairColumns, _rows.PairsByCandidate.Values.SelectMany(p => p.Values).Where(_rows.IsAddedOrChanged)
            .Select(a => new object?[] { a.CandidateId, a.VacancyId, a.FirstObservedAt, a.CurrentStatusKey, a.DeliveryId }).ToList(), ct, keyColumns: 2);
        await sql.InsertAsync("IdibuStatusObservations", ObservationColumns, _rows.Observations.Values.Where(_rows.IsAddedOrChanged)
            .Select(o => new object?[] { o.CandidateId, o.VacancyId, o.StatusKey, o.FirstObservedAt, o.DeliveryId }).ToList(), ct, keyColumns: 3);
        await sql.InsertAsync("IdibuSnapshots", SnapshotColumns, _rows.NewSnapshots
            .Select(s => new object?[] { s.DeliveryId, s.CandidateId, s.SnapshotAt, s.OutOfOrder }).ToList(), ct);
    }

    public Task<IReadOnlyList<QualityDelta>> QualityDeltasAsync(
        DashboardDbContext db, IReadOnlyDictionary<long, (DateTime ReceivedAt, bool Quarantined)> received, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<QualityDelta>>(_rows.NewSnapshots.Where(s => s.OutOfOrder)
            .Select(s => new QualityDelta(QualityDelta.QuarterOf(received[s.DeliveryId].ReceivedAt), OutOfOrder: 1)).ToList());
}
