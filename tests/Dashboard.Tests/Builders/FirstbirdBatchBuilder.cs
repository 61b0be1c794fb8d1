using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Builders;

/// <summary>A firstbird batch in the current shape (<c>event_name</c> + nested objects).</summary>
public sealed class FirstbirdBatchBuilder
{
    private readonly JsonArray _envelopes = [];
    private string _recruiter = "recruiter-1";

    /// <summary>The recruiter who sends the facts that follow (it changes each envelope's hash, not its meaning).</summary>
    public FirstbirdBatchBuilder ByRecruiter(string userId)
    {
        _recruiter = userId;
        return this;
    }

    public FirstbirdBatchBuilder Created(string applicationId, string at) =>
        Add("job_application.created", applicationId, at, e => e["job_application"]!["status"] = "PENDING");

    public FirstbirdBatchBuilder Edited(string applicationId, string at) => Add("job_application.edited", applicationId, at, _ => { });

    public FirstbirdBatchBuilder Received(string applicationId, string at, string type = "referral") =>
        Add("job_application.received", applicationId, at, e =>
        {
            e["type"] = type;
            e["applicant"] = new JsonObject { ["id"] = "ap-" + applicationId, ["first_name"] = "Ann", ["last_name"] = "Lee", ["email"] = "ann.lee@example.org" };
            e["job"] = new JsonObject { ["id"] = "job-1", ["title"] = "Backend Engineer" };
        });

    public FirstbirdBatchBuilder Rated(string applicationId, string at, string rating) =>
        Add("job_application.rated", applicationId, at, e => { e["rating"] = rating; e["initial"] = true; });

    public FirstbirdBatchBuilder Closed(string applicationId, string at, string? reason) =>
        Add("job_application.closed", applicationId, at, e => { if (reason is not null) e["close_reason"] = reason; });

    public FirstbirdBatchBuilder Hired(string applicationId, string at, bool payReward) =>
        Add("job_application.hired", applicationId, at, e => { e["pay_reward"] = payReward; e["first_day_of_work"] = "2026-05-01"; });

    public FirstbirdBatchBuilder Deleted(string applicationId, string at) => Add("job_application.deleted", applicationId, at, _ => { });

    public FirstbirdBatchBuilder Feedback(string applicationId, string at, string referralId, string type) =>
        Add("job_application.referral_added", applicationId, at, e =>
        {
            e["referral_id"] = referralId; e["referral_type"] = type; e["connection"] = "Former coworker"; e["reason"] = "Great";
        });

    /// <summary>An envelope no parser can use: it names no event.</summary>
    public FirstbirdBatchBuilder Garbage()
    {
        _envelopes.Add(new JsonObject { ["event"] = new JsonObject { ["date_time"] = "2026-03-01 10:00:00.000Z" } });
        return this;
    }

    public byte[] Build() => JsonSerializer.SerializeToUtf8Bytes(_envelopes);

    /// <summary>Each envelope on its own, to be sent alone or packed into batches in any order.</summary>
    public IReadOnlyList<JsonNode> Envelopes() => _envelopes.Select(e => e!.DeepClone()).ToList();

    /// <summary>A batch of the given envelopes, in the order given.</summary>
    public static byte[] Batch(IEnumerable<JsonNode> envelopes) => JsonSerializer.SerializeToUtf8Bytes(new JsonArray([.. envelopes.Select(e => e.DeepClone())]));

    private FirstbirdBatchBuilder Add(string name, string applicationId, string at, Action<JsonObject> fill)
    {
        var e = new JsonObject
        {
            ["job_application"] = new JsonObject { ["id"] = applicationId, ["job_id"] = "job-1" },
            ["company_id"] = "company-1",
            ["user_id"] = _recruiter,
            ["date_time"] = at,
        };
        fill(e);
        _envelopes.Add(new JsonObject { ["event_name"] = name, ["event"] = e });
        return this;
    }
}
