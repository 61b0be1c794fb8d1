using Dashboard.Deliveries.Quality;
using Dashboard.Projection;
using Dashboard.Storage;

namespace Dashboard.Senders;

/// <summary>
/// All the product needs to know of one sender: its name, how a body is classified while the sender waits for its
/// answer, and its share of every projector batch. What is particular to a sender stays behind this, in its folder
/// (docs/architecture.md, "Adding a third sender").
/// </summary>
public interface ISender
{
    /// <summary>The name in webhook URLs, the delivery log and the API.</summary>
    string Name { get; }

    /// <summary>What the webhook route receives, for the API description.</summary>
    string WebhookSummary { get; }

    /// <summary>Where in the sender's own settings its admin pastes the webhook URL, for the senders page.</summary>
    string SetupHint { get; }

    /// <summary>What the sender can add to the URL key, offered as its optional sender check.</summary>
    SenderProof Proof { get; }

    /// <summary>The delivery log's key for a delivery (see <see cref="DeliveryLog.DedupeKeys"/>).</summary>
    /// <param name="deliveryId">The delivery id the sender put in its headers, if any.</param>
    string DedupeKey(string? deliveryId, string bodySha256);

    /// <summary>Runs the sender's parser on the request path, so the sender learns at once that a body is quarantined.</summary>
    Classification Classify(ReadOnlySpan<byte> body, string? contentType, string? eventHeader);

    /// <summary>
    /// Parses a stored delivery with today's parser, so a replay always goes through it. Many deliveries are parsed at
    /// once, so this must not touch shared state.
    /// </summary>
    object Parse(WaitingDelivery delivery);

    /// <summary>A new share of one projector batch.</summary>
    ISenderBatch StartBatch();

    /// <summary>Removes what these deliveries produced on their own (not the rows other deliveries share), before a replay.</summary>
    Task ForgetAsync(DashboardDbContext db, IReadOnlyList<long> deliveryIds, CancellationToken ct);

    /// <summary>Empties every read-model table of the sender, before a rebuild.</summary>
    Task EmptyAsync(DashboardDbContext db, CancellationToken ct);
}

/// <summary>
/// A sender's deliveries within one projector batch. The projector calls, in order: <see cref="LoadAsync"/> once,
/// <see cref="Apply"/> per delivery in order of arrival, <see cref="Stamp"/> when anything changed, then, inside the
/// batch's transaction, <see cref="WriteAsync"/>.
/// </summary>
public interface ISenderBatch
{
    /// <summary>Loads, in a few set queries, every row the parsed deliveries can touch.</summary>
    /// <param name="deliveryIds">Every delivery of the batch, whichever sender sent it.</param>
    /// <param name="parsed">What <see cref="ISender.Parse"/> made of this sender's deliveries, in order of arrival.</param>
    Task LoadAsync(DashboardDbContext db, IReadOnlyCollection<long> deliveryIds, IReadOnlyList<object> parsed, CancellationToken ct);

    /// <summary>Folds one delivery into the loaded rows; returns why it is quarantined, or null when it was projected.</summary>
    string? Apply(WaitingDelivery delivery, object parsed);

    /// <summary>Whether the batch added or changed a row that figures kept in memory must catch up with.</summary>
    bool HasChanges { get; }

    /// <summary>Stamps the read-model version on every such row.</summary>
    void Stamp(long version);

    /// <summary>Writes every row the batch added or changed; runs in the batch's transaction.</summary>
    Task WriteAsync(SetStatements sql, CancellationToken ct);

    /// <summary>What the batch changes in the data-quality counts besides quarantined deliveries.</summary>
    /// <param name="received">When each delivery of the batch arrived, and whether it was quarantined.</param>
    Task<IReadOnlyList<QualityDelta>> QualityDeltasAsync(
        DashboardDbContext db, IReadOnlyDictionary<long, (DateTime ReceivedAt, bool Quarantined)> received, CancellationToken ct);
}
