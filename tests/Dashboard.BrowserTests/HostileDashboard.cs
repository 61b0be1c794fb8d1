using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Tests.Support;

namespace Dashboard.BrowserTests;

/// <summary>
/// An app whose every sender-controlled field that reaches a page holds markup, script or entity text: idibu
/// candidates' names, sources, consultants, own places, vacancy titles and places, status labels, and every firstbird
/// value (type, rating, close reason, feedback type, applicant names, job titles). A few ordinary deliveries beside
/// them fill every chart.
/// </summary>
public sealed class HostileDashboard : IAsyncLifetime
{
    /// <summary>
    /// What a sender might send. Each sets <c>window.__xss</c> if it ever runs; firstbird values arrive upper-cased,
    /// so those set <c>WINDOW.__XSS</c>, which the watched pages alias to the window (see <see cref="PageWatch"/>).
    /// </summary>
    public static readonly string[] Payloads =
    [
        "<img src=x onerror=\"window.__xss=1\">",
        "<svg onload=window.__xss=1>",
        "\"><script>window.__xss=1</script>",
        "javascript:window.__xss=1",
        "Tom &amp; Jerry &lt;b&gt;",
        "A & B <x>",
    ];

    public LiveDashboard Live { get; private set; } = null!;

    /// <summary>The id of one hostile idibu delivery, for the admin console's delivery page.</summary>
    public long HostileDeliveryId { get; private set; }

    public static string Source(int i) => $"{Payloads[i]} source";
    public static string Consultant(int i) => $"{Payloads[i]} consultant";
    public static string FirstName(int i) => $"{Payloads[i]} first";
    public static string VacancyTitle(int i) => $"{Payloads[i]} vacancy";

    /// <summary>Candidates 0–2 carry their own place; 3–5 take the place of the vacancy they applied to.</summary>
    public static string Place(int i) => $"{Payloads[i]} place";

    public static string Applicant(int i) => $"{Payloads[i]} applicant";
    public static string JobTitle(int i) => $"{Payloads[i]} job";

    public async Task InitializeAsync()
    {
        Live = await LiveDashboard.StartAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Payloads.Length; i++)
        {
            var vacancyId = $"hv{i}";
            await Send(await Live.Senders.PostIdibuAsync(Vacancy(vacancyId, i, now.AddDays(-20)), $"hostile-vacancy-{i}", "vacancy.update"));
            var answer = await Send(await Live.Senders.PostIdibuAsync(Candidate(i, vacancyId, now.AddDays(-i - 1)), $"hostile-candidate-{i}"));
            if (i == 0) HostileDeliveryId = answer.DeliveryId;
        }
        await Send(await Live.Senders.PostIdibuAsync(OrdinaryCandidate(now.AddDays(-3)), "ordinary-candidate"));
        await Send(await Live.Senders.PostFirstbirdAsync(Referrals(now)));
        await Live.App.ProjectAsync();
    }

    public async Task DisposeAsync() => await Live.DisposeAsync();

    private static async Task<WebhookAnswerBody> Send(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var answer = await response.AnswerAsync();
        Assert.Equal("accepted", answer.Status);
        return answer;
    }

    private static byte[] Candidate(int i, string vacancyId, DateTimeOffset at)
    {
        var payload = new JsonObject
        {
            ["id"] = $"hostile-{i}",
            ["firstname"] = FirstName(i),
            ["lastname"] = Payloads[(i + 1) % Payloads.Length],
            ["email"] = $"hostile.{i}@example.com",
            ["source"] = Source(i),
            ["created_by"] = new JsonObject
            {
                ["id"] = $"{700 + i}", ["profile_id"] = $"{800 + i}", ["email"] = $"consultant.{i}@example.com",
                ["firstname"] = Consultant(i), ["lastname"] = "",
            },
            ["creation_date"] = Iso(at),
            ["vacancies"] = new JsonArray(new JsonObject
            {
                ["id"] = vacancyId, ["reference"] = $"REF-{vacancyId}", ["title"] = VacancyTitle(i),
                // Every other candidate is placed; the others are applicants, under a status label of their own.
                ["status"] = i % 2 == 0
                        ? new JsonObject { ["id"] = "241", ["type"] = "extra", ["label"] = "Placed" }
                        : new JsonObject { ["id"] = "11", ["type"] = "default", ["label"] = $"{Payloads[i]} status" },
            }),
        };
        if (i < 3)
        {
            payload["address"] = Place(i);
            payload["country"] = "GB";
        }
        return Idibu(payload, at, "candidate.update");
    }

    private static byte[] OrdinaryCandidate(DateTimeOffset at) => Idibu(new JsonObject
    {
        ["id"] = "ordinary-1", ["firstname"] = "Jess", ["lastname"] = "Quincy", ["email"] = "jess@example.com", ["source"] = "LinkedIn",
        ["created_by"] = new JsonObject { ["id"] = "1", ["profile_id"] = "2", ["firstname"] = "Tim", ["lastname"] = "Parker" },
        ["creation_date"] = Iso(at),
        ["vacancies"] = new JsonArray(new JsonObject
        {
            ["id"] = "hv0", ["title"] = VacancyTitle(0), ["status"] = new JsonObject { ["id"] = "11", ["type"] = "default", ["label"] = "Applicants" },
        }),
    }, at, "candidate.update");

    private static byte[] Vacancy(string id, int i, DateTimeOffset at) => Idibu(new JsonObject
    {
        ["id"] = id,
        ["title"] = VacancyTitle(i),
        ["reference"] = $"REF-{id}",
        ["status"] = "active",
        ["location"] = new JsonObject { ["place"] = Place(i), ["lat"] = "51.5", ["lng"] = "-0.12" },
        ["country"] = "GB",
    }, at, "vacancy.update");

    private static byte[] Idibu(JsonObject payload, DateTimeOffset at, string webhookEvent) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["payload"] = payload,
        ["payload-information"] = new JsonObject { ["timestamp"] = Iso(at), ["webhook_event"] = webhookEvent },
    });

    /// <summary>For each payload an application received, rated, given feedback and, for half of them, closed; plus ordinary ones.</summary>
    private static byte[] Referrals(DateTimeOffset now)
    {
        var envelopes = new JsonArray();
        void Add(string name, string application, DateTimeOffset at, JsonObject fields)
        {
            fields["job_application"] = new JsonObject { ["id"] = application, ["job_id"] = $"job-{application}" };
            fields["company_id"] = "company-1";
            fields["user_id"] = "recruiter-1";
            fields["date_time"] = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'");
            envelopes.Add(new JsonObject { ["event_name"] = name, ["event"] = fields });
        }

        for (var i = 0; i < Payloads.Length; i++)
        {
            var application = $"fb-hostile-{i}";
            var at = now.AddDays(-i - 2);
            var hostile = Payloads[i];
            Add("job_application.received", application, at, new JsonObject
            {
                ["type"] = $"{hostile} type",
                ["applicant"] = new JsonObject { ["id"] = $"ap-{i}", ["first_name"] = Applicant(i), ["last_name"] = "", ["email"] = $"ap.{i}@example.org" },
                ["job"] = new JsonObject { ["id"] = $"job-{application}", ["title"] = JobTitle(i) },
            });
            Add("job_application.rated", application, at.AddHours(1), new JsonObject { ["rating"] = $"{hostile} rating", ["initial"] = true });
            Add("job_application.referral_added", application, at.AddHours(2), new JsonObject
            {
                ["referral_id"] = $"ref-{i}", ["referral_type"] = $"{hostile} feedback", ["connection"] = hostile, ["reason"] = hostile,
            });
            if (i % 2 == 0) Add("job_application.closed", application, at.AddHours(3), new JsonObject { ["close_reason"] = $"{hostile} reason" });
        }

        for (var i = 0; i < 3; i++)
        {
            var application = $"fb-ordinary-{i}";
            var at = now.AddDays(-i - 1);
            Add("job_application.received", application, at, new JsonObject
            {
                ["type"] = "referral",
                ["applicant"] = new JsonObject { ["id"] = $"ap-o{i}", ["first_name"] = "Ann", ["last_name"] = "Lee" },
                ["job"] = new JsonObject { ["id"] = $"job-{application}", ["title"] = "Backend Engineer" },
            });
            Add("job_application.rated", application, at.AddHours(1), new JsonObject { ["rating"] = i == 0 ? "A" : "B", ["initial"] = true });
            Add("job_application.referral_added", application, at.AddHours(2), new JsonObject { ["referral_id"] = $"ref-o{i}", ["referral_type"] = "POSITIVE" });
        }
        Add("job_application.closed", "fb-ordinary-1", now.AddHours(-5), new JsonObject { ["close_reason"] = "POSITION_FILLED" });
        Add("job_application.hired", "fb-ordinary-2", now.AddHours(-4), new JsonObject { ["pay_reward"] = true, ["first_day_of_work"] = "2026-05-01" });
        return JsonSerializer.SerializeToUtf8Bytes(envelopes);
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz");
}
