using System.Net;
using Dashboard.DeliveryLog;
using Dashboard.Senders;
using Dashboard.Senders.Idibu;
using Dashboard.Storage;
using Dashboard.Tests.Support;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// How one hostile case is sent: the bytes, the media type (null sends none), whether the length is withheld
/// (chunked), and headers. idibu requests carry the event header a real sender would, unless the case replaces it.
/// </summary>
public sealed record HostileRequest(string Provider, byte[] Body, string? ContentType = "application/json", bool Chunked = false)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra checks on what the delivery left in the store, given its id.</summary>
    public Func<DashboardDbContext, long, Task>? Then { get; init; }

    public HttpRequestMessage ToMessage(string deliveryTag)
    {
        var key = Provider == IdibuSender.SenderName ? DashboardApplication.IdibuKey : DashboardApplication.FirstbirdKey;
        HttpContent content = Chunked ? new LengthlessContent(Body) : new ByteArrayContent(Body);
        if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{Provider}/{key}") { Content = content };
        if (Provider == IdibuSender.SenderName)
        {
            request.Headers.UserAgent.ParseAdd("Idibu-Hookshot");
            if (!Headers.ContainsKey("X-Idibu-Event")) request.Headers.Add("X-Idibu-Event", "candidate.update");
            if (!Headers.ContainsKey("X-Idibu-Delivery")) request.Headers.Add("X-Idibu-Delivery", deliveryTag);
        }
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString() =>
        $"{Provider}, {Body.Length} bytes, {ContentType ?? "no media type"}{(Chunked ? ", chunked" : "")}";

    // The length is not known up front, so the body travels chunked and only the reader can find it too large.
    private sealed class LengthlessContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>What a sender should be told, and where the delivery should end up in the log.</summary>
public sealed record HostileExpectation(HttpStatusCode Answer, string? AnswerStatus, DeliveryStatus? Stored, string? ReasonMentions)
{
    /// <summary>Understood: "accepted", then projected.</summary>
    public static readonly HostileExpectation Projected = new(HttpStatusCode.OK, "accepted", DeliveryStatus.Projected, null);

    /// <summary>Over the body limit: 413 and nothing stored.</summary>
    public static readonly HostileExpectation TooLarge = new(HttpStatusCode.RequestEntityTooLarge, null, null, null);

    /// <summary>Kept but not understood: "quarantined" with a reason that says why.</summary>
    public static HostileExpectation Quarantined(string reasonMentions) =>
        new(HttpStatusCode.OK, "quarantined", DeliveryStatus.Quarantined, reasonMentions);

    /// <summary>Projected, with a note on the delivery (a batch with some envelopes that could not be understood).</summary>
    public static HostileExpectation ProjectedWithNote(string noteMentions) =>
        new(HttpStatusCode.OK, "accepted", DeliveryStatus.Projected, noteMentions);

    public override string ToString() => Stored is null ? $"{(int)Answer}" : $"{(int)Answer} {AnswerStatus} → {Stored}";
}
