using Dashboard.Ingestion;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.SenderKeys;
using Dashboard.Senders;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;

namespace Dashboard.Projection;

/// <summary>
/// Writes what a projector batch produced, in the caller's transaction and without change tracking: every row the
/// batch added or changed in a few multi-row upserts, the rare delivery whose own status is not the normal case, the
/// read-model version for figures kept in memory, and the watermark (see <see cref="ProjectionWatermark"/>).
/// </summary>
internal static class ProjectionBatchWriter
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
    private static readonly string[] EventColumns =
    [
        "EnvelopeHash", "DeliveryId", "EnvelopeIndex", "EventName", "ApplicationId", "OccurredAt", "JobId", "JobTitle", "ApplicantName",
        "FirstDayOfWork", "ReceivedType", "Rating", "CloseReason", "PayReward", "ReferralId", "ReferralType", "RepeatCount",
    ];
    private static readonly string[] ReferralColumns =
    [
        "ApplicationId", "JobId", "JobTitle", "ApplicantName", "ReceivedType", "ReceivedAt", "State", "StateAt", "Rating", "CloseReason",
        "HiredAt", "RewardEligible", "FirstDayOfWork", "Deleted", "DeliveryId", "ChangeVersion",
    ];
    private static readonly string[] EnvelopeColumns = ["DeliveryId", "EnvelopeIndex", "EnvelopeHash", "Reason"];

    /// <param name="version">The read-model version stamped on the batch's rows; null when the batch changed none.</param>
    /// <param name="watermark">The watermark after the batch; null when it stays.</param>
    public static async Task WriteAsync(
        DashboardDbContext db, ProjectionBatchRows rows, IReadOnlyList<DeliveryVerdict> verdicts, long? version, long? watermark,
        DateTime now, CancellationToken ct)
    {
        var sql = new SetStatements(db);
        await sql.InsertAsync("IdibuVacancies", VacancyColumns, rows.Vacancies.Values.OfType<IdibuVacancy>().Where(rows.IsAddedOrChanged)
            .Select(v => new object?[]
            {
                v.VacancyId, v.Title, v.Reference, v.Status, v.Location, v.Country, v.SnapshotAt, v.SnapshotTieBreak, v.DeliveryId, v.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuStatuses", StatusColumns, rows.Statuses.Values.Where(rows.IsAddedOrChanged)
            .Select(s => new object?[] { s.StatusKey, s.StatusType, s.StatusId, s.Label, s.LabelSeenAt }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuCandidates", CandidateColumns, rows.Candidates.Values.OfType<IdibuCandidate>()
            .Select(c => new object?[]
            {
                c.CandidateId, c.FirstName, c.LastName, c.Email, c.Source, c.ConsultantId, c.ConsultantName, c.CreatedAt, c.Location,
                c.SnapshotAt, c.SnapshotTieBreak, c.DeliveryId, c.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("IdibuApplications", PairColumns, rows.PairsByCandidate.Values.SelectMany(p => p.Values).Where(rows.IsAddedOrChanged)
            .Select(a => new object?[] { a.CandidateId, a.VacancyId, a.FirstObservedAt, a.CurrentStatusKey, a.DeliveryId }).ToList(), ct, keyColumns: 2);
        await sql.InsertAsync("IdibuStatusObservations", ObservationColumns, rows.Observations.Values.Where(rows.IsAddedOrChanged)
            .Select(o => new object?[] { o.CandidateId, o.VacancyId, o.StatusKey, o.FirstObservedAt, o.DeliveryId }).ToList(), ct, keyColumns: 3);
        await sql.InsertAsync("IdibuSnapshots", SnapshotColumns, rows.NewSnapshots
            .Select(s => new object?[] { s.DeliveryId, s.CandidateId, s.SnapshotAt, s.OutOfOrder }).ToList(), ct);

        await sql.InsertAsync("FirstbirdEvents", EventColumns, rows.NewEvents
            .Select(e => new object?[]
            {
                e.EnvelopeHash, e.DeliveryId, e.EnvelopeIndex, e.EventName, e.ApplicationId, e.OccurredAt, e.JobId, e.JobTitle, e.ApplicantName,
                e.FirstDayOfWork, e.ReceivedType, e.Rating, e.CloseReason, e.PayReward, e.ReferralId, e.ReferralType, e.RepeatCount,
            }).ToList(), ct);
        await sql.EachAsync("UPDATE \"FirstbirdEvents\" SET \"RepeatCount\" = @p0 WHERE \"Id\" = @p1", rows.EventsByHash.Values
            .OfType<FirstbirdEventRow>().Where(e => rows.WasLoaded(e) && rows.RepeatsAdded(e) != 0).OrderBy(e => e.Id)
            .Select(e => new object?[] { e.RepeatCount, e.Id }).ToList(), ct);
        await sql.InsertAsync("ReferralApplications", ReferralColumns, rows.Referrals.Values.OfType<ReferralApplication>()
            .Select(r => new object?[]
            {
                r.ApplicationId, r.JobId, r.JobTitle, r.ApplicantName, r.ReceivedType, r.ReceivedAt, r.State, r.StateAt, r.Rating, r.CloseReason,
                r.HiredAt, r.RewardEligible, r.FirstDayOfWork, r.Deleted, r.DeliveryId, r.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("QuarantinedEnvelopes", EnvelopeColumns, rows.NewQuarantinedEnvelopes
            .Select(q => new object?[] { q.DeliveryId, q.EnvelopeIndex, q.EnvelopeHash, q.Reason }).ToList(), ct);

        await WriteDeliveriesAsync(sql, verdicts, now, ct);
        if (version is { } v)
        {
            await sql.ExecuteAsync(
                "INSERT INTO \"ReadModelClock\" (\"Id\", \"Version\", \"Epoch\") VALUES ({0}, {1}, 0) " +
                "ON CONFLICT (\"Id\") DO UPDATE SET \"Version\" = excluded.\"Version\"", ct, ReadModelClock.SingleRowId, v);
        }
        if (watermark is { } w)
        {
            await sql.ExecuteAsync("UPDATE \"ProjectionWatermark\" SET \"DeliveryId\" = {0} WHERE \"Id\" = {1} AND \"DeliveryId\" < {0}",
                ct, w, ProjectionWatermark.SingleRowId);
            await sql.ExecuteAsync("INSERT INTO \"ProjectedBatches\" (\"UpToDeliveryId\", \"ProjectedAt\") VALUES ({0}, {1}) " +
                                   "ON CONFLICT (\"UpToDeliveryId\") DO NOTHING", ct, w, now);
        }
    }

    /// <summary>
    /// Only what is not the normal case: a quarantined delivery keeps its reason on its row, and one a replay queued
    /// below the watermark goes back to the normal case with its own projection time. The rest the watermark covers.
    /// </summary>
    private static async Task WriteDeliveriesAsync(SetStatements sql, IReadOnlyList<DeliveryVerdict> verdicts, DateTime now, CancellationToken ct)
    {
        await sql.EachAsync("UPDATE \"Deliveries\" SET \"Status\" = @p0, \"StatusReason\" = @p1, \"ProjectedAt\" = @p2 WHERE \"Id\" = @p3", verdicts
            .Where(v => v.Quarantined)
            .Select(v => new object?[] { nameof(DeliveryStatus.Quarantined), v.QuarantineReason, now, v.Delivery.Id }).ToList(), ct);
        await sql.EachAsync("UPDATE \"Deliveries\" SET \"Status\" = @p0, \"ProjectedAt\" = @p1 WHERE \"Id\" = @p2", verdicts
            .Where(v => !v.Quarantined && v.Delivery.Status == DeliveryStatus.Queued)
            .Select(v => new object?[] { nameof(DeliveryStatus.Accepted), now, v.Delivery.Id }).ToList(), ct);
    }
}
