using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Builders;

/// <summary>An idibu vacancy delivery with its location.</summary>
public sealed class IdibuVacancyBuilder
{
    private string _id = "98765";
    private string? _place = "London";
    private string _country = "GB";
    private string _timestamp = "2026-03-01T08:00:00+00:00";

    public IdibuVacancyBuilder WithId(string id) { _id = id; return this; }
    public IdibuVacancyBuilder In(string? place, string country) { _place = place; _country = country; return this; }
    public IdibuVacancyBuilder At(string timestamp) { _timestamp = timestamp; return this; }

    public byte[] Build() => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["payload"] = new JsonObject
        {
            ["id"] = _id,
            ["title"] = "Recruitment Consultant",
            ["reference"] = "TP-" + _id,
            ["status"] = "active",
            ["location"] = new JsonObject { ["place"] = _place, ["lat"] = "51.5", ["lng"] = "-0.12" },
            ["country"] = _country,
        },
        ["payload-information"] = new JsonObject { ["timestamp"] = _timestamp, ["webhook_event"] = "vacancy.update" },
    });
}
