using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Senders.Firstbird;

/// <summary>
/// The firstbird rows one projector batch can touch: the facts already recorded (by envelope hash and by
/// application), the applications they fold into and the envelopes already quarantined, loaded untracked in a few set
/// queries, so applying a delivery needs no round trip of its own (see <see cref="FirstbirdProjectionBatch"/>).
/// </summary>
public sealed class FirstbirdBatchRows
{
    public LoadedRows Loaded { get; } = new(row => row is FirstbirdEventRow e ? e.RepeatCount : row);

    public Dictionary<string, FirstbirdEventRow?> EventsByHash { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<FirstbirdEventRow>> EventsByApplication { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReferralApplication?> Referrals { get; } = new(StringComparer.Ordinal);
    public HashSet<(long Delivery, int Index)> QuarantinedEnvelopes { get; } = [];

    public List<FirstbirdEventRow> NewEvents { get; } = [];
    public List<QuarantinedEnvelope> NewQuarantinedEnvelopes { get; } = [];

    /// <summary>How many repeats the batch added to an event's count.</summary>
    public int RepeatsAdded(FirstbirdEventRow row) => row.RepeatCount - (Loaded.AsLoaded(row) is int loaded ? loaded : 0);

    public async Task LoadAsync(DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyCollection<FirstbirdDelivery> firstbird, CancellationToken ct)
    {
        var envelopes = firstbird.SelectMany(b => b.Envelopes).ToList();
        var hashes = envelopes.Where(e => e.Event is not null).Select(e => e.EnvelopeHash).Distinct().ToList();
        var applicationIds = envelopes.Select(e => e.Event?.ApplicationId).OfType<string>().Distinct().ToList();

        foreach (var hash in hashes) EventsByHash[hash] = null;
        foreach (var id in applicationIds)
        {
            Referrals[id] = null;
            EventsByApplication[id] = [];
        }

        await LoadedRows.InChunksAsync(deliveryIds.ToList(), async keys =>
        {
            foreach (var q in await db.QuarantinedEnvelopes.AsNoTracking().Where(q => keys.Contains(q.DeliveryId)).Select(q => new { q.DeliveryId, q.EnvelopeIndex }).ToListAsync(ct))
                QuarantinedEnvelopes.Add((q.DeliveryId, q.EnvelopeIndex));
        });
        await LoadedRows.InChunksAsync(applicationIds, async keys =>
        {
            foreach (var e in await db.FirstbirdEvents.AsNoTracking().Where(e => e.ApplicationId != null && keys.Contains(e.ApplicationId)).ToListAsync(ct))
                NoteLoadedEvent(e);
            foreach (var r in await db.ReferralApplications.AsNoTracking().Where(r => keys.Contains(r.ApplicationId)).ToListAsync(ct)) Referrals[r.ApplicationId] = r;
        });
        // An envelope seen before may belong to an application this batch does not mention (or to none).
        var unseen = hashes.Where(h => EventsByHash[h] is null).ToList();
        await LoadedRows.InChunksAsync(unseen, async keys =>
        {
            foreach (var e in await db.FirstbirdEvents.AsNoTracking().Where(e => keys.Contains(e.EnvelopeHash)).ToListAsync(ct)) NoteLoadedEvent(e);
        });
    }

    private void NoteLoadedEvent(FirstbirdEventRow row)
    {
        Loaded.Add(row);
        NoteEvent(row);
    }

    /// <summary>Keeps a fact findable by its hash and, when it belongs to an application of this batch, by that too.</summary>
    public void NoteEvent(FirstbirdEventRow row)
    {
        EventsByHash[row.EnvelopeHash] = row;
        if (row.ApplicationId is { } id && EventsByApplication.TryGetValue(id, out var facts) && !facts.Contains(row)) facts.Add(row);
    }
}
