using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Builders;

/// <summary>An idibu candidate delivery in the current (2024) shape, with only what a test cares about changed.</summary>
public sealed class IdibuCandidateBuilder
{
    private string _id = "1001";
    private string _event = "candidate.update";
    private string _timestamp = "2026-03-02T10:00:00+00:00";
    private string? _created = "2026-03-01T09:00:00+00:00";
    private string? _source = "LinkedIn";
    private string _consultantProfileId = "456";
    private string _email = "jess.quincy@example.com";
    private readonly List<(string Id, string StatusId, string Type, string Label)> _vacancies = [];
    private JsonObject? _extra;

    public IdibuCandidateBuilder WithId(string id) { _id = id; return this; }
    public IdibuCandidateBuilder WithEvent(string webhookEvent) { _event = webhookEvent; return this; }
    public IdibuCandidateBuilder At(string timestamp) { _timestamp = timestamp; return this; }
    public IdibuCandidateBuilder CreatedOn(string? created) { _created = created; return this; }
    public IdibuCandidateBuilder WithSource(string? source) { _source = source; return this; }
    public IdibuCandidateBuilder WithConsultant(string profileId) { _consultantProfileId = profileId; return this; }
    public IdibuCandidateBuilder WithEmail(string email) { _email = email; return this; }

    public IdibuCandidateBuilder OnVacancy(string vacancyId, string statusId, string label, string type = "default")
    {
        _vacancies.Add((vacancyId, statusId, type, label));
        return this;
    }

    /// <summary>Adds the older "Advanced" payload's own location fields.</summary>
    public IdibuCandidateBuilder LivingIn(string address, string country)
    {
        _extra = new JsonObject { ["address"] = address, ["country"] = country, ["location"] = new JsonObject { ["lat"] = "0", ["lng"] = "0" } };
        return this;
    }

    public byte[] Build()
    {
        var payload = new JsonObject
        {
            ["id"] = _id,
            ["firstname"] = "Jess",
            ["lastname"] = "Quincy",
            ["comms_status"] = "applied",
            ["email"] = _email,
            ["background_info"] = "",
            ["created_by"] = new JsonObject
            {
                ["id"] = "123", ["profile_id"] = _consultantProfileId, ["email"] = "consultant@example.com",
                ["firstname"] = "Tim", ["lastname"] = "Parker",
            },
            ["creation_date"] = _created,
            ["videos"] = new JsonArray(),
            ["source"] = _source,
            ["vacancies"] = new JsonArray(_vacancies.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id, ["reference"] = "REF-" + v.Id, ["title"] = "Vacancy " + v.Id,
                ["status"] = new JsonObject { ["id"] = v.StatusId, ["type"] = v.Type, ["label"] = v.Label },
            }).ToArray()),
            ["attachments"] = new JsonArray(),
        };
        if (_extra is not null)
            foreach (var (name, value) in _extra) payload[name] = value?.DeepClone();

        var body = new JsonObject
        {
            ["payload"] = payload,
            ["payload-information"] = new JsonObject { ["timestamp"] = _timestamp, ["webhook_event"] = _event },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
