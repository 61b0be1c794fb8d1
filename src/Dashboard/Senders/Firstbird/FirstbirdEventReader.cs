using System.Text.Json;

namespace Dashboard.Senders.Firstbird;

/// <summary>
/// Reads one envelope in either style: the 2016 seed's <c>type</c> with flat ids and string flags, or the current
/// <c>event_name</c> with nested objects and JSON booleans (docs/senders.md). The applicant's email and phone are
/// never read.
/// </summary>
internal static class FirstbirdEventReader
{
    private static readonly HashSet<string> KnownEvents =
    [
        "job_application.created", "job_application.received", "job_application.edited", "job_application.deleted",
        "job_application.rated", "job_application.closed", "job_application.hired", "job_application.referral_added",
        "reward.approved", "points.gained", "points.revoked",
    ];

    public const int MaxIdLength = 64;

    public static (FirstbirdEvent? Event, string? Reason) Read(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object) return (null, "envelope is not a JSON object");

        var name = (envelope.Text("event_name") ?? envelope.Text("type"))?.ToLowerInvariant();
        if (name is null) return (null, "envelope names no event (neither event_name nor type)");
        if (!KnownEvents.Contains(name)) return (null, $"unknown event '{Clip(name)}'");

        // The payload sits under "event"; tolerate it sitting in the envelope itself.
        var e = envelope.Object("event") ?? envelope;
        var application = e.Object("job_application") ?? e.Object("application") ?? e.Object("jobApplication");
        var applicationId = application?.Text("id") ?? e.Text("job_application_id") ?? e.Text("application_id");
        if (applicationId is null && name.StartsWith("job_application.", StringComparison.Ordinal))
            return (null, $"{name} has no job application id");
        // firstbird's ids are UUIDs; a longer one is no id the store can keep (nor one firstbird sends).
        if (applicationId is { Length: > MaxIdLength }) return (null, $"{name} has a job application id longer than {MaxIdLength} characters");

        var job = e.Object("job");
        var applicant = e.Object("applicant");
        var referrer = e.Object("referrer") ?? e.Object("user");
        return (new FirstbirdEvent(
            EventName: name,
            ApplicationId: applicationId,
            OccurredAt: e.Date("date_time") ?? envelope.Date("date_time"),
            CompanyId: e.Text("company_id") ?? e.Object("company")?.Text("id"),
            JobId: job?.Text("id") ?? application?.Text("job_id") ?? e.Text("job_id"),
            JobTitle: job?.Text("title"),
            UserId: e.Text("user_id"),
            ApplicantId: applicant?.Text("id") ?? e.Text("applicant_id"),
            ApplicantName: NameOf(applicant),
            ReferrerId: referrer?.Text("id") ?? e.Text("referrer_id"),
            ReceivedType: name == "job_application.received" ? e.Text("type") : null,
            Rating: e.Text("rating") ?? application?.Text("rating"),
            InitialRating: e.Flag("initial"),
            CloseReason: e.Text("close_reason"),
            PayReward: e.Flag("pay_reward"),
            FirstDayOfWork: SenderDates.ParseDate(e.Text("first_day_of_work")),
            ReferralId: e.Text("referral_id"),
            ReferralType: e.Text("referral_type"),
            ApplicationStatus: Upper(application?.Text("status"))), null);
    }

    private static string? NameOf(JsonElement? person)
    {
        if (person is not { } p) return null;
        var name = string.Join(' ', new[] { p.Text("first_name"), p.Text("last_name") }.Where(n => n is not null));
        return name.Length == 0 ? null : name;
    }

    private static string? Upper(string? text) => text?.ToUpperInvariant();

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
