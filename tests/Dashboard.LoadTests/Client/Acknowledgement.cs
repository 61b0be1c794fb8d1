using System.Text.Json;

namespace Dashboard.LoadTests.Client;

/// <summary>
/// One 2xx answer as the client saw it: when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp and the wall
/// clock, which the app's own times are compared with) and what the app's body said (the webhook answer's
/// <c>deliveryId</c> and <c>duplicate</c>; 0 and false when the body is not such an answer).
/// </summary>
public readonly record struct Acknowledgement(long Timestamp, DateTime At, long DeliveryId, bool Duplicate)
{
    public static Acknowledgement Read(long timestamp, DateTime at, byte[] body)
    {
        try
        {
            using var answer = JsonDocument.Parse(body);
            var root = answer.RootElement;
            var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("deliveryId", out var d) && d.TryGetInt64(out var n) ? n : 0;
            var duplicate = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("duplicate", out var u) && u.ValueKind == JsonValueKind.True;
            return new Acknowledgement(timestamp, at, id, duplicate);
        }
        catch (JsonException)
        {
            return new Acknowledgement(timestamp, at, 0, false);
        }
    }
}
