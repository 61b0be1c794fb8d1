using System.Text.Json;

namespace Dashboard.Senders.Idibu;

/// <summary>
/// idibu names events inconsistently: <c>candidate.create</c> in bodies, <c>candidate-extend.update</c> or
/// <c>update.vacancy</c> in headers. This reduces any of them to a subject and an action.
/// </summary>
public sealed record IdibuEventName(string? Subject, string Normalized, string? Raw)
{
    public const string Candidate = "candidate";
    public const string Vacancy = "vacancy";

    public static IdibuEventName Classify(string? bodyEvent, string? headerEvent, JsonElement? payload)
    {
        foreach (var raw in new[] { bodyEvent, headerEvent })
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var parts = raw.Trim().ToLowerInvariant().Split('.', '_', ' ');
            var subject = parts.Select(SubjectOf).FirstOrDefault(s => s is not null);
            if (subject is null) return new IdibuEventName(null, "", raw.Trim());
            var action = parts.Select(ActionOf).FirstOrDefault(a => a is not null) ?? "update";
            return new IdibuEventName(subject, $"{subject}.{action}", raw.Trim());
        }

        // No name anywhere: judge by what the payload holds.
        if (payload is { } data)
        {
            if (data.Property("firstname") is not null || data.Property("lastname") is not null || data.Property("vacancies") is not null)
                return new IdibuEventName(Candidate, "candidate.update", null);
            if (data.Property("title") is not null && (data.Property("location") is not null || data.Property("country") is not null))
                return new IdibuEventName(Vacancy, "vacancy.update", null);
        }
        return new IdibuEventName(null, "", null);
    }

    private static string? SubjectOf(string part) => part switch
    {
        "candidate" or "candidate-extend" or "candidate-extended" or "candidates" => Candidate,
        "vacancy" or "vacancies" or "job" => Vacancy,
        _ => null,
    };

    private static string? ActionOf(string part) => part switch
    {
        "create" or "created" or "add" or "added" or "new" => "create",
        "update" or "updated" or "edit" or "edited" or "change" or "changed" => "update",
        _ => null,
    };
}
