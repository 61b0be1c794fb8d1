using Dashboard.Deliveries.Quality;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Senders.Firstbird;

/// <summary>firstbird's share of a projector batch: each envelope recorded once, the applications it touches refolded, what changed written.</summary>
public sealed class FirstbirdProjectionBatch : ISenderBatch
{
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

    private readonly FirstbirdBatchRows _rows = new();
    private readonly FirstbirdProjection _projection;

    public FirstbirdProjectionBatch() => _projection = new FirstbirdProjection(_rows);

    public Task LoadAsync(DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyList<object> parsed, CancellationToken ct) =>
        _rows.LoadAsync(db, deliveryIds, parsed.Cast<FirstbirdDelivery>().Where(b => b.QuarantineReason is null).ToList(), ct);

    public string? Apply(WaitingDelivery delivery, object parsed)
    {
        var batch = (FirstbirdDelivery)parsed;
        if (batch.QuarantineReason is not null || batch.UnderstoodCount == 0)
            return batch.QuarantineReason ?? "no event in the batch could be understood";
        _projection.Apply(delivery, batch);
        return null;
    }

    // Every application the batch refolded.
    private IEnumerable<ReferralApplication> ChangedReferrals => _rows.Referrals.Values.OfType<ReferralApplication>();

    public bool HasChanges => ChangedReferrals.Any();

    public void Stamp(long version)
    {
        foreach (var referral in ChangedReferrals) referral.ChangeVersion = version;
    }

    public async Task WriteAsync(SetStatements sql, CancellationToken ct)
    {
        await sql.InsertAsync("FirstbirdEvents", EventColumns, _rows.NewEvents
            .Select(e => new object?[]
            {
                e.EnvelopeHash, e.DeliveryId, e.EnvelopeIndex, e.EventName, e.ApplicationId, e.OccurredAt, e.JobId, e.JobTitle, e.ApplicantName,
                e.FirstDayOfWork, e.ReceivedType, e.Rating, e.CloseReason, e.PayReward, e.ReferralId, e.ReferralType, e.RepeatCount,
            }).ToList(), ct);
        await sql.EachAsync("UPDATE \"FirstbirdEvents\" SET \"RepeatCount\" = @p0 WHERE \"Id\" = @p1", _rows.EventsByHash.Values
            .OfType<FirstbirdEventRow>().Where(e => _rows.Loaded.WasLoaded(e) && _rows.RepeatsAdded(e) != 0).OrderBy(e => e.Id)
            .Select(e => new object?[] { e.RepeatCount, e.Id }).ToList(), ct);
        await sql.InsertAsync("ReferralApplications", ReferralColumns, ChangedReferrals
            .Select(r => new object?[]
            {
                r.ApplicationId, r.JobId, r.JobTitle, r.ApplicantName, r.ReceivedType, r.ReceivedAt, r.State, r.StateAt, r.Rating, r.CloseReason,
                r.HiredAt, r.RewardEligible, r.FirstDayOfWork, r.Deleted, r.DeliveryId, r.ChangeVersion,
            }).ToList(), ct, keyColumns: 1);
        await sql.InsertAsync("QuarantinedEnvelopes", EnvelopeColumns, _rows.NewQuarantinedEnvelopes
            .Select(q => new object?[] { q.DeliveryId, q.EnvelopeIndex, q.EnvelopeHash, q.Reason }).ToList(), ct);
    }

    public async Task<IReadOnlyList<QualityDelta>> QualityDeltasAsync(
        DashboardDbContext db, IReadOnlyDictionary<long, (DateTime ReceivedAt, bool Quarantined)> received, CancellationToken ct)
    {
        var deltas = new List<QualityDelta>();
        foreach (var envelope in _rows.NewQuarantinedEnvelopes)
        {
            var (at, quarantined) = received[envelope.DeliveryId];
            if (!quarantined) deltas.Add(new QualityDelta(QualityDelta.QuarterOf(at), QuarantinedEnvelopes: 1));
        }

        // A repeat is counted on the delivery that first carried the event, which may be long before this batch.
        var repeats = _rows.EventsByHash.Values.OfType<FirstbirdEventRow>().Distinct()
            .Select(e => (e.DeliveryId, Count: _rows.RepeatsAdded(e))).Where(r => r.Count != 0).ToList();
        var earlier = repeats.Select(r => r.DeliveryId).Where(id => !received.ContainsKey(id)).Distinct().ToList();
        var earlierReceived = earlier.Count == 0
            ? []
            : await db.Deliveries.AsNoTracking().Where(d => earlier.Contains(d.Id)).Select(d => new { d.Id, d.ReceivedAt })
                .ToDictionaryAsync(d => d.Id, d => d.ReceivedAt, ct);
        foreach (var (deliveryId, count) in repeats)
        {
            var at = received.TryGetValue(deliveryId, out var inBatch) ? inBatch.ReceivedAt : earlierReceived[deliveryId];
            deltas.Add(new QualityDelta(QualityDelta.QuarterOf(at), RepeatedEvents: count));
        }
        return deltas;
    }
}
