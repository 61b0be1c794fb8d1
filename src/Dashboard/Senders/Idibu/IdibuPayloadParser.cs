using System.Text.Json;

namespace Dashboard.Senders.Idibu;

/// <summary>
/// Understands an idibu body in every shape its documents have shown (docs/senders.md): the event from the body's
/// <c>payload-information.webhook_event</c>, else the event header, else the payload's shape; the data under
/// <c>payload</c> or <c>request_data</c>. Never throws: what it cannot use comes back as a quarantine reason.
/// </summary>
public static class IdibuPayloadParser
{
    private const string FormAdvice = "choose JSON as the content type in idibu's webhook settings";

    public static IdibuParseResult Parse(ReadOnlySpan<byte> body, string? contentType, string? eventHeader)
    {
        using var document = JsonBody.TryOpen(body, contentType, FormAdvice, out var problem);
        if (document is null) return IdibuParseResult.Quarantined(problem!);

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return IdibuParseResult.Quarantined($"expected a JSON object, got {Describe(root.ValueKind)}");

        var information = root.Object("payload-information");
        var payload = root.Object("payload") ?? root.Object("request_data");
        var bodyEvent = information?.Text("webhook_event") ?? root.Text("webhook_event");
        var kind = IdibuEventName.Classify(bodyEvent, eventHeader, payload);
        if (kind.Subject is null) return IdibuParseResult.Quarantined($"unknown event '{kind.Raw ?? "(none)"}'");
        if (payload is not { } data) return IdibuParseResult.Quarantined("no payload object in the body");

        var snapshotAt = (information?.Date("timestamp") ?? root.Date("timestamp"));
        return kind.Subject == IdibuEventName.Candidate
            ? IdibuCandidateReader.Read(data, root, kind.Normalized, snapshotAt)
            : IdibuVacancyReader.Read(data, kind.Normalized, snapshotAt);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
