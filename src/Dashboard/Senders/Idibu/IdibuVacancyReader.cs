using System.Text.Json;

namespace Dashboard.Senders.Idibu;

/// <summary>Reads a vacancy delivery: <c>location</c> as <c>{place, lat, lng}</c> (current) or plain text (2018).</summary>
internal static class IdibuVacancyReader
{
    public static IdibuParseResult Read(JsonElement payload, string eventName, DateTimeOffset? snapshotAt)
    {
        if ((payload.Text("id") ?? payload.Text("vacancy_id")) is not { } id)
            return IdibuParseResult.Quarantined("vacancy delivery has no vacancy id");

        var location = payload.Property("location");
        var place = location switch
        {
            { ValueKind: JsonValueKind.Object } l => l.Text("place") ?? l.Text("name"),
            { ValueKind: JsonValueKind.String } l => l.GetString(),
            _ => null,
        };
        var country = payload.Text("country") ?? (location is { ValueKind: JsonValueKind.Object } lo ? lo.Text("country") : null);
        var where = new IdibuPlace(Clean(place), Clean(country));

        var status = payload.Property("status") switch
        {
            { ValueKind: JsonValueKind.Object } s => s.Text("label") ?? s.Text("name") ?? s.Text("id"),
            { } s => s.AsText(),
            null => null,
        };

        return IdibuParseResult.Understood(new IdibuVacancySnapshot(
            eventName, snapshotAt, id, payload.Text("title"), payload.Text("reference"), status?.ToLowerInvariant(),
            where.IsKnown ? where : null));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim() == "0" ? null : text.Trim();
}
