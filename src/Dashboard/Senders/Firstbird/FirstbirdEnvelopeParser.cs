using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dashboard.Senders.Firstbird;

/// <summary>
/// Understands a firstbird body: an array of envelopes (a single envelope object is tolerated), each judged on its
/// own so that one bad envelope never sinks its batch. Never throws.
/// </summary>
public static class FirstbirdEnvelopeParser
{
    private const string FormAdvice = "firstbird sends JSON arrays; check the webhook's target URL";

    /// <summary>
    /// firstbird batches to save requests, not to ship bulk: a body of many thousands of envelopes (a 1 MiB body can
    /// hold 300,000) would hold the store's write lock long enough for other senders to be told to retry. It is kept,
    /// quarantined, for a person to look at.
    /// </summary>
    public const int MaxEnvelopes = 1_000;

    public static FirstbirdDelivery Parse(ReadOnlySpan<byte> body, string? contentType)
    {
        using var document = JsonBody.TryOpen(body, contentType, FormAdvice, out var problem);
        if (document is null) return FirstbirdDelivery.Quarantined(problem!);

        var root = document.RootElement;
        var elements = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => null,
        };
        if (elements is null) return FirstbirdDelivery.Quarantined("expected a JSON array of event envelopes");
        if (elements.Count == 0) return FirstbirdDelivery.Quarantined("empty batch: the array holds no event");
        if (elements.Count > MaxEnvelopes)
            return FirstbirdDelivery.Quarantined($"batch of {elements.Count} events is more than the {MaxEnvelopes} one delivery may carry");

        var envelopes = new List<FirstbirdEnvelope>(elements.Count);
        for (var index = 0; index < elements.Count; index++)
        {
            var element = elements[index];
            var hash = HashOf(element);
            var (parsed, reason) = FirstbirdEventReader.Read(element);
            envelopes.Add(new FirstbirdEnvelope(index, hash, parsed, reason));
        }
        return new FirstbirdDelivery(envelopes, null);
    }

    /// <summary>
    /// The hash of the envelope's tokens written compactly, so that a retried batch that was re-packed or re-indented
    /// gives each event the same hash again.
    /// </summary>
    public static string HashOf(JsonElement envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
            envelope.WriteTo(writer);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
