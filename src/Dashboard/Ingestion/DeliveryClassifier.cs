using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;

namespace Dashboard.Ingestion;

/// <summary>What the receiver makes of a body before it answers: its event, and whether it is understood at all.</summary>
public sealed record Classification(string? EventName, string? QuarantineReason, string? Note)
{
    public bool Understood => QuarantineReason is null;
}

/// <summary>
/// Runs the provider's parser on the request path, so the sender learns at once that a body is quarantined.
/// The projector parses again from the stored bytes, so a replay always goes through today's parser.
/// </summary>
public static class DeliveryClassifier
{
    private const int EventNameLength = 64;

    public static Classification Classify(string provider, ReadOnlySpan<byte> body, string? contentType, string? eventHeader) =>
        provider switch
        {
            Providers.Idibu => ClassifyIdibu(IdibuPayloadParser.Parse(body, contentType, eventHeader)),
            Providers.Firstbird => ClassifyFirstbird(FirstbirdEnvelopeParser.Parse(body, contentType)),
            _ => new Classification(null, $"unknown provider '{provider}'", null),
        };

    private static Classification ClassifyIdibu(IdibuParseResult result) =>
        result.Delivery is { } delivery
            ? new Classification(delivery.EventName, null, null)
            : new Classification(null, result.QuarantineReason ?? "not understood", null);

    private static Classification ClassifyFirstbird(FirstbirdBatch batch)
    {
        if (batch.QuarantineReason is { } reason) return new Classification(null, reason, null);

        var names = batch.Envelopes.Where(e => e.Event is not null).Select(e => e.Event!.EventName).Distinct().ToList();
        var eventName = Truncate(string.Join(",", names));
        var bad = batch.Envelopes.Where(e => e.Event is null).ToList();
        if (bad.Count == 0) return new Classification(eventName, null, null);

        var first = $"event {bad[0].Index + 1}: {bad[0].QuarantineReason}";
        if (bad.Count == batch.Envelopes.Count)
            return new Classification(null, $"no event in the batch could be understood ({first})", null);
        return new Classification(eventName, null,
            $"{bad.Count} of {batch.Envelopes.Count} events could not be understood and were quarantined ({first})");
    }

    private static string Truncate(string text) => text.Length <= EventNameLength ? text : text[..(EventNameLength - 1)] + "…";
}
