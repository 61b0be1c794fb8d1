using System.Text;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// Raw JSON text for hostile cases. Values are given as JSON fragments (<c>"\"Jess\""</c>, <c>"42"</c>, <c>"null"</c>)
/// so that a case can put any type, or broken text, in any field. Nothing is escaped on the way.
/// </summary>
public static class HostileBodies
{
    private const string OneVacancy =
        "[{\"id\":\"v-1\",\"reference\":\"R-1\",\"title\":\"Nurse\",\"status\":{\"id\":\"11\",\"type\":\"default\",\"label\":\"Applicants\"}}]";

    public static string IdibuCandidate(
        string id, string firstname = "\"Jess\"", string lastname = "\"Quincy\"", string? vacancies = null,
        string timestamp = "\"2026-03-02T10:00:00+00:00\"", string webhookEvent = "\"candidate.update\"",
        string createdBy = "{\"id\":\"123\",\"profile_id\":\"456\",\"firstname\":\"Tim\",\"lastname\":\"Parker\"}",
        string source = "\"LinkedIn\"") =>
        $$$"""
        {"payload":{"id":{{{id}}},"firstname":{{{firstname}}},"lastname":{{{lastname}}},"email":"jess@example.com","source":{{{source}}},
         "created_by":{{{createdBy}}},"creation_date":"2026-03-01T09:00:00+00:00",
         "vacancies":{{{vacancies ?? OneVacancy}}}},
         "payload-information":{"timestamp":{{{timestamp}}},"webhook_event":{{{webhookEvent}}}}}
        """;

    public static string FirstbirdReceived(
        string applicationId, string firstName = "\"Ann\"", string lastName = "\"Lee\"",
        string dateTime = "\"2026-03-01 10:00:00.000Z\"", string eventName = "\"job_application.received\"") =>
        $$$"""
        {"event_name":{{{eventName}}},"event":{"job_application":{"id":{{{applicationId}}},"job_id":"job-1","status":"IN_PROGRESS"},
         "company_id":"c-1","date_time":{{{dateTime}}},"type":"referral",
         "applicant":{"id":"ap-1","first_name":{{{firstName}}},"last_name":{{{lastName}}},"email":"ann@example.org"},
         "job":{"id":"job-1","title":"Backend Engineer"} } }
        """;

    public static string Batch(params string[] envelopes) => "[" + string.Join(",", envelopes) + "]";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A JSON string literal of <paramref name="length"/> characters.</summary>
    public static string LongString(int length, char fill = 'x') => "\"" + new string(fill, length) + "\"";

    public static string Nested(int depth, string open, string close, string inner = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>The text with <paramref name="marker"/> replaced by raw bytes that are not UTF-8.</summary>
    public static byte[] WithRawBytes(string text, string marker, params byte[] raw)
    {
        var bytes = Utf8(text);
        var at = bytes.AsSpan().IndexOf(Utf8(marker));
        return [.. bytes[..at], .. raw, .. bytes[(at + Utf8(marker).Length)..]];
    }

    public static byte[] Truncated(string text) => Utf8(text)[..(Utf8(text).Length / 2)];

    /// <summary>A valid idibu body padded with whitespace to <paramref name="size"/> bytes.</summary>
    public static byte[] Padded(string text, int size)
    {
        var body = new byte[size];
        Array.Fill(body, (byte)' ');
        Utf8(text).CopyTo(body, 0);
        return body;
    }
}
