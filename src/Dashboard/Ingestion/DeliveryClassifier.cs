using Dashboard.Senders;

namespace Dashboard.Ingestion;

/// <summary>
/// Asks the sender to classify a body on the request path, so the sender learns at once that a body is quarantined.
/// The projector parses again from the stored bytes, so a replay always goes through today's parser.
/// </summary>
public static class DeliveryClassifier
{
    public static Classification Classify(string sender, ReadOnlySpan<byte> body, string? contentType, string? eventHeader) =>
        SenderRegistry.Find(sender) is { } known
            ? known.Classify(body, contentType, eventHeader)
            : new Classification(null, $"unknown provider '{sender}'", null);
}
