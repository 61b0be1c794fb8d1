using System.Text.Json;

namespace Dashboard.Senders.Idibu;

/// <summary>Reads a candidate snapshot; only the candidate id is indispensable.</summary>
internal static class IdibuCandidateReader
{
    /// <summary>
    /// A candidate applies to a handful of vacancies; a body listing thousands would hold the store's write lock long
    /// enough, while projected, for other senders to be told to retry. It is kept, quarantined, for a person.
    /// </summary>
    public const int MaxVacancies = 1_000;

    public static IdibuParseResult Read(JsonElement payload, JsonElement root, string eventName, DateTimeOffset? snapshotAt)
    {
        if (payload.Text("id") is not { } id) return IdibuParseResult.Quarantined("candidate delivery has no candidate id");
        if (payload.Property("vacancies") is { ValueKind: JsonValueKind.Array } listed && listed.GetArrayLength() > MaxVacancies)
            return IdibuParseResult.Quarantined($"candidate on {listed.GetArrayLength()} vacancies is more than the {MaxVacancies} one delivery may carry");

        var createdBy = payload.Object("created_by");
        var consultant = createdBy is { } c
            ? new IdibuConsultant(c.Text("profile_id"), c.Text("id"), c.Text("firstname"), c.Text("lastname"))
            : null;

        var vacancies = payload.Array("vacancies")
            .Where(v => v.ValueKind == JsonValueKind.Object)
            .Select(ReadApplication)
            .OfType<IdibuApplication>()
            .ToList();

        return IdibuParseResult.Understood(new IdibuCandidateSnapshot(
            eventName,
            snapshotAt,
            id,
            payload.Text("firstname"),
            payload.Text("lastname"),
            payload.Text("email"),
            payload.Text("source"),
            consultant is { ProfileId: null, AccountId: null, FirstName: null, LastName: null } ? null : consultant,
            payload.Date("creation_date"),
            ReadOwnPlace(payload),
            vacancies));
    }

    private static IdibuApplication? ReadApplication(JsonElement vacancy)
    {
        if (vacancy.Text("id") is not { } vacancyId) return null;
        return new IdibuApplication(vacancyId, vacancy.Text("reference"), vacancy.Text("title"), ReadStatus(vacancy.Property("status")));
    }

    /// <summary>Accepts <c>{id,type,label}</c>, <c>{status_id,status_type,label}</c> and the label-less legacy shape.</summary>
    public static IdibuStatus? ReadStatus(JsonElement? status)
    {
        if (status is not { } s) return null;
        if (s.ValueKind != JsonValueKind.Object)
            return s.AsText() is { } bare ? new IdibuStatus("default", bare, bare) : null;

        var label = s.Text("label") ?? s.Text("name");
        var id = s.Text("id") ?? s.Text("status_id") ?? label;
        if (id is null) return null;
        var type = (s.Text("type") ?? s.Text("status_type") ?? "default").ToLowerInvariant();
        return new IdibuStatus(type, id, label);
    }

    /// <summary>
    /// The older "Advanced" payload's own geography: <c>address</c> (text or object), <c>location</c> (text; a
    /// lat/lng object is not a place), <c>country</c>. Blank values and "0" mean unknown.
    /// </summary>
    private static IdibuPlace? ReadOwnPlace(JsonElement payload)
    {
        var place = Meaningful(AddressText(payload.Property("address")))
            ?? Meaningful(payload.Property("location") is { ValueKind: JsonValueKind.String } l ? l.GetString() : null)
            ?? Meaningful(payload.Text("city"));
        var country = Meaningful(payload.Text("country"));
        var result = new IdibuPlace(place, country);
        return result.IsKnown ? result : null;
    }

    private static string? AddressText(JsonElement? address) => address switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Object } parts => parts.Text("city") ?? parts.Text("town") ?? parts.Text("place"),
        _ => null,
    };

    private static string? Meaningful(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim() == "0" ? null : text.Trim();
}
