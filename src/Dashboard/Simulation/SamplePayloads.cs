using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Simulation;

/// <summary>Writes sample deliveries in the senders' current documented shapes (docs/senders.md).</summary>
internal static class SamplePayloads
{
    public static SampleDelivery Vacancy(Random random, SampleVacancy vacancy, DateTimeOffset at)
    {
        var body = new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["id"] = vacancy.Id,
                ["title"] = vacancy.Title,
                ["reference"] = vacancy.Reference,
                ["status"] = "active",
                ["location"] = vacancy.Place is null ? null : new JsonObject { ["place"] = vacancy.Place, ["lat"] = "0", ["lng"] = "0" },
                ["country"] = vacancy.Country,
            },
            ["payload-information"] = new JsonObject { ["timestamp"] = Iso(at), ["webhook_event"] = "vacancy.create" },
        };
        return Idibu(random, body, "vacancy.create", at, subject: null);
    }

    /// <summary>The candidate as it stands at <paramref name="at"/>: every vacancy with its status at that moment.</summary>
    public static SampleDelivery CandidateSnapshot(Random random, SampleWorld world, SampleCandidate candidate, DateTimeOffset at, bool created)
    {
        var current = candidate.Steps.Where(s => s.At <= at).GroupBy(s => s.VacancyId).Select(g => g.MaxBy(s => s.At)!);
        var vacancies = new JsonArray();
        foreach (var step in current.OrderBy(s => s.VacancyId, StringComparer.Ordinal))
        {
            var vacancy = world.Vacancy(step.VacancyId);
            vacancies.Add(new JsonObject
            {
                ["id"] = vacancy.Id, ["reference"] = vacancy.Reference, ["title"] = vacancy.Title,
                ["status"] = new JsonObject { ["id"] = step.Status.Id, ["type"] = step.Status.Type, ["label"] = step.Status.Label },
            });
        }
        var eventName = created ? "candidate.create" : "candidate.update";
        var body = new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["id"] = candidate.Id,
                ["firstname"] = candidate.FirstName,
                ["lastname"] = candidate.LastName,
                ["comms_status"] = "applied",
                ["email"] = $"{candidate.FirstName}.{candidate.LastName}.{candidate.Id}@example.com".ToLowerInvariant(),
                ["background_info"] = "",
                ["created_by"] = new JsonObject
                {
                    ["id"] = "123", ["profile_id"] = candidate.Consultant.ProfileId,
                    ["email"] = $"{candidate.Consultant.FirstName}@example.org".ToLowerInvariant(),
                    ["firstname"] = candidate.Consultant.FirstName, ["lastname"] = candidate.Consultant.LastName,
                },
                ["creation_date"] = Iso(candidate.CreatedAt),
                ["videos"] = new JsonArray(),
                ["source"] = candidate.Source,
                ["vacancies"] = vacancies,
                ["attachments"] = new JsonArray(),
            },
            ["payload-information"] = new JsonObject { ["timestamp"] = Iso(at), ["webhook_event"] = eventName },
        };
        return Idibu(random, body, "candidate-extend." + (created ? "create" : "update"), at, candidate.Id);
    }

    public static SampleDelivery FirstbirdBatch(IReadOnlyList<SampleReferralEvent> events)
    {
        var envelopes = new JsonArray();
        foreach (var e in events)
        {
            var payload = new JsonObject
            {
                ["job_application"] = new JsonObject { ["id"] = e.ApplicationId, ["job_id"] = e.Fields.GetValueOrDefault("job_id")?.ToString() },
                ["company_id"] = "7c1e6d9a-0000-4000-8000-000000000001",
                ["date_time"] = e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            };
            foreach (var (name, value) in e.Fields.Where(f => f.Key != "job_id"))
                payload[name] = value is JsonNode node ? node.DeepClone() : JsonValue.Create(value);
            envelopes.Add(new JsonObject { ["event_name"] = e.Name, ["event"] = payload });
        }
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["User-Agent"] = "firstbird-webhooks" };
        return new SampleDelivery("firstbird", JsonSerializer.SerializeToUtf8Bytes(envelopes), headers, events[^1].At, null);
    }

    private static SampleDelivery Idibu(Random random, JsonObject body, string eventHeader, DateTimeOffset at, string? subject)
    {
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["User-Agent"] = "Idibu-Hookshot",
            ["X-Idibu-Delivery"] = DeterministicGuid(random).ToString(),
            ["X-Idibu-Event"] = eventHeader,
        };
        return new SampleDelivery("idibu", JsonSerializer.SerializeToUtf8Bytes(body), headers, at, subject);
    }

    private static Guid DeterministicGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
