using Dashboard.Senders;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Dashboard.Storage;
using Dashboard.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;
using static Dashboard.Tests.Ingestion.HostileBodies;

using Expect = Dashboard.Tests.Ingestion.HostileExpectation;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// Every kind of hostile or careless body the catalogue sends, each with the answer a sender must get and where the
/// delivery must end up. Each case uses its own ids so that it cannot pass on another case's rows.
/// </summary>
public static class HostileInputCatalogue
{
    private const string I = IdibuSender.SenderName;
    private const string F = FirstbirdSender.SenderName;

    public static TheoryData<string, HostileRequest, HostileExpectation> Cases()
    {
        var data = new TheoryData<string, HostileRequest, HostileExpectation>();
        foreach (var (name, request, expected) in All()) data.Add(name, request, expected);
        return data;
    }

    private static IEnumerable<(string, HostileRequest, HostileExpectation)> All()
    {
        // Broken and empty bodies.
        yield return ("idibu empty body", new(I, []), Expect.Quarantined("empty body"));
        yield return ("firstbird empty body", new(F, []), Expect.Quarantined("empty body"));
        yield return ("idibu whitespace only", new(I, Utf8(" \r\n\t ")), Expect.Quarantined("empty body"));
        yield return ("idibu truncated JSON", new(I, Truncated(IdibuCandidate("\"trunc-1\""))), Expect.Quarantined("not valid JSON"));
        yield return ("firstbird truncated JSON", new(F, Truncated(Batch(FirstbirdReceived("\"trunc-f\"")))), Expect.Quarantined("not valid JSON"));
        yield return ("idibu malformed fixture", new(I, FixtureFile.Read("Idibu/malformed.json")), Expect.Quarantined("not valid JSON"));
        yield return ("firstbird malformed fixture", new(F, FixtureFile.Read("Firstbird/malformed.json")), Expect.Quarantined("not valid JSON"));
        yield return ("idibu random binary", new(I, RandomBytes(4096, seed: 7)), Expect.Quarantined("not valid"));
        yield return ("idibu raw control characters in a string", new(I, Utf8(IdibuCandidate("\"ctl-1\"", firstname: "\"Je\u0001\nss\""))), Expect.Quarantined("not valid JSON"));
        yield return ("firstbird NaN and Infinity", new(F, Utf8("[{\"event_name\":\"points.gained\",\"event\":{\"count\":NaN,\"total\":Infinity}}]")), Expect.Quarantined("not valid JSON"));
        yield return ("idibu JSON literal null", new(I, Utf8("null")), Expect.Quarantined("expected a JSON object"));
        yield return ("firstbird JSON literal true", new(F, Utf8("true")), Expect.Quarantined("expected a JSON array"));
        yield return ("idibu comments and trailing commas", new(I, Utf8(IdibuCandidate("\"lenient-1\"").Replace("\"source\":", "/* c */ \"source\":").Replace("}}", ",}}"))), Expect.Projected);

        // Media types.
        yield return ("idibu missing media type", new(I, Utf8(IdibuCandidate("\"media-none\"")), ContentType: null), Expect.Projected);
        yield return ("idibu text/plain media type", new(I, Utf8(IdibuCandidate("\"media-text\"")), ContentType: "text/plain"), Expect.Projected);
        yield return ("firstbird application/xml media type", new(F, Utf8(Batch(FirstbirdReceived("\"media-xml\""))), ContentType: "application/xml"), Expect.Projected);
        yield return ("idibu form-encoded body", new(I, FixtureFile.Read("Idibu/form-body.txt"), ContentType: "application/x-www-form-urlencoded"), Expect.Quarantined("form-encoded"));
        yield return ("firstbird form body labelled JSON", new(F, Utf8("event_name=job_application.received&id=form-f")), Expect.Quarantined("form-encoded"));
        yield return ("idibu UTF-16 body", new(I, System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(IdibuCandidate("\"utf16-1\""))).ToArray(), ContentType: "application/json; charset=utf-16"), Expect.Quarantined("not valid"));

        // Size and depth.
        yield return ("idibu 10 MB body", new(I, Padded(IdibuCandidate("\"big-1\""), 10 * 1024 * 1024)), Expect.TooLarge);
        yield return ("firstbird 10 MB chunked body", new(F, Padded(Batch(FirstbirdReceived("\"big-f\"")), 10 * 1024 * 1024), Chunked: true), Expect.TooLarge);
        yield return ("idibu 10,000-deep arrays", new(I, Utf8(IdibuCandidate("\"deep-1\"", firstname: Nested(10_000, "[", "]")))), Expect.Quarantined("nested too deeply"));
        yield return ("firstbird 10,000-deep objects", new(F, Utf8(Nested(10_000, "{\"a\":", "}"))), Expect.Quarantined("nested too deeply"));
        yield return ("idibu 1 MB first name", new(I, Utf8(IdibuCandidate("\"long-1\"", firstname: LongString(1_000_000)))) { Then = Candidate("long-1", c => Assert.Equal(1_000_000, c.FirstName!.Length)) }, Expect.Projected);
        yield return ("firstbird 1 MB applicant name", new(F, Utf8(Batch(FirstbirdReceived("\"long-f\"", firstName: LongString(1_000_000, 'y'))))), Expect.Projected);
        yield return ("idibu 1 MB event name", new(I, Utf8(IdibuCandidate("\"long-ev\"", webhookEvent: LongString(1_000_000, 'e')))), Expect.Quarantined("unknown event"));

        // Text encodings.
        yield return ("idibu invalid UTF-8 in a name", new(I, WithRawBytes(IdibuCandidate("\"badutf-1\"", firstname: "\"J@@ss\""), "@@", 0xC3, 0x28)), Expect.Quarantined("UTF-8"));
        yield return ("firstbird invalid UTF-8 in a name", new(F, WithRawBytes(Batch(FirstbirdReceived("\"badutf-f\"", firstName: "\"A@@n\"")), "@@", 0xFF, 0xFE, 0xFD)), Expect.Quarantined("UTF-8"));
        yield return ("idibu invalid UTF-8 in a key", new(I, WithRawBytes(IdibuCandidate("\"badutf-2\"").Replace("\"source\"", "\"s@@ource\""), "@@", 0x80)), Expect.Quarantined("UTF-8"));
        yield return ("idibu lone surrogate escape in the event", new(I, Utf8(IdibuCandidate("\"surrogate-1\"", webhookEvent: "\"candidate\\ud800.update\""))), Expect.Quarantined("UTF-8"));
        yield return ("firstbird lone surrogate escape in a name", new(F, Utf8(Batch(FirstbirdReceived("\"surrogate-f\"", lastName: "\"L\\udc00ee\"")))), Expect.Quarantined("UTF-8"));
        yield return ("idibu UTF-8 byte order mark", new(I, [.. System.Text.Encoding.UTF8.GetPreamble(), .. Utf8(IdibuCandidate("\"bom-1\""))]), Expect.Projected);
        yield return ("firstbird UTF-8 byte order mark", new(F, [.. System.Text.Encoding.UTF8.GetPreamble(), .. Utf8(Batch(FirstbirdReceived("\"bom-f\"")))]), Expect.Projected);
        yield return ("idibu escaped NUL in a name", new(I, Utf8(IdibuCandidate("\"nul-1\"", firstname: "\"Je\\u0000ss\""))) { Then = Candidate("nul-1", c => Assert.Equal("Je\0ss", c.FirstName)) }, Expect.Projected);

        // Nulls and wrong types.
        yield return ("idibu null in every field", new(I, Utf8(IdibuCandidate("null", "null", "null", "null", "null", "null", "null", "null"))), Expect.Quarantined("candidate id"));
        yield return ("idibu payload null", new(I, Utf8("{\"payload\":null,\"payload-information\":{\"webhook_event\":\"candidate.create\"}}")), Expect.Quarantined("no payload object"));
        yield return ("idibu id is an object", new(I, Utf8(IdibuCandidate("{\"value\":\"obj-1\"}"))), Expect.Quarantined("candidate id"));
        yield return ("idibu wrong type in every other field", new(I, Utf8(IdibuCandidate("\"types-1\"", "[1,2]", "{\"x\":1}", "{\"id\":\"v-9\"}", "12345", "\"candidate.update\"", "\"Tim\"", "false"))) { Then = Candidate("types-1", c => Assert.Null(c.FirstName)) }, Expect.Projected);
        yield return ("idibu status as array and vacancy id as number", new(I, Utf8(IdibuCandidate("\"types-2\"", vacancies: "[{\"id\":77,\"status\":[\"11\"]},\"not-an-object\",null,7]"))), Expect.Projected);
        yield return ("idibu number ids", new(I, FixtureFile.Read("Idibu/candidate-numeric-ids.json")), Expect.Projected);
        yield return ("idibu 30-digit id", new(I, Utf8(IdibuCandidate("123456789012345678901234567890"))) { Then = Candidate("123456789012345678901234567890", _ => { }) }, Expect.Projected);
        yield return ("idibu id 1e400", new(I, Utf8(IdibuCandidate("1e400"))) { Then = Candidate("1e400", _ => { }) }, Expect.Projected);
        yield return ("firstbird flags as numbers and words", new(F, Utf8(Batch("{\"event_name\":\"job_application.hired\",\"event\":{\"job_application\":{\"id\":\"flags-f\"},\"date_time\":\"2026-03-05 10:00:00.000Z\",\"pay_reward\":1,\"initial\":\"yes\",\"first_day_of_work\":20260501}}"))), Expect.Projected);
        yield return ("firstbird wrong type in every field", new(F, Utf8(Batch("{\"event_name\":\"job_application.rated\",\"event\":{\"job_application\":[\"types-f\"],\"date_time\":17,\"rating\":{\"a\":1},\"initial\":[],\"company_id\":{}}}"))), Expect.Quarantined("no event in the batch"));
        yield return ("firstbird application id as number", new(F, Utf8(Batch(FirstbirdReceived("4242")))), Expect.Projected);

        // Objects where arrays are expected, and the reverse.
        yield return ("idibu vacancies as an object", new(I, Utf8(IdibuCandidate("\"shape-1\"", vacancies: "{\"id\":\"v-1\"}"))), Expect.Projected);
        yield return ("idibu payload as an array", new(I, Utf8("{\"payload\":[{\"id\":\"shape-2\"}],\"payload-information\":{\"webhook_event\":\"candidate.update\"}}")), Expect.Quarantined("no payload object"));
        yield return ("idibu body as an array", new(I, Utf8("[" + IdibuCandidate("\"shape-3\"") + "]")), Expect.Quarantined("expected a JSON object"));
        yield return ("firstbird single envelope object", new(F, Utf8(FirstbirdReceived("\"shape-f\""))), Expect.Projected);
        yield return ("firstbird body as a string", new(F, Utf8("\"[{}]\"")), Expect.Quarantined("expected a JSON array"));
        yield return ("firstbird event as an array", new(F, Utf8("[{\"event_name\":\"job_application.deleted\",\"event\":[{\"job_application\":{\"id\":\"shape-f2\"}}]}]")), Expect.Quarantined("no job application id"));
        yield return ("firstbird empty batch", new(F, FixtureFile.Read("Firstbird/empty-array.json")), Expect.Quarantined("empty batch"));
        yield return ("firstbird batch of empty envelopes", new(F, Utf8(Batch(Enumerable.Repeat("{}", 150).ToArray()))), Expect.Quarantined("no event in the batch"));
        yield return ("firstbird one good envelope among 999 bad ones", new(F, Utf8(Batch([.. Enumerable.Repeat("{}", 999), FirstbirdReceived("\"many-f\"")]))), Expect.ProjectedWithNote("999 of 1000 events"));
        yield return ("firstbird 100,001 envelopes in one body", new(F, Utf8(Batch([.. Enumerable.Repeat("{}", 100_000), FirstbirdReceived("\"too-many-f\"")]))), Expect.Quarantined("more than the 1000"));
        yield return ("firstbird one good envelope among bad ones", new(F, Utf8(Batch("{}", "7", FirstbirdReceived("\"mixed-f\""), "[]"))), Expect.ProjectedWithNote("3 of 4 events"));

        // Duplicate keys: the first one counts, consistently.
        yield return ("idibu duplicate keys", new(I, Utf8(IdibuCandidate("\"dupkey-1\"").Replace("\"firstname\":\"Jess\"", "\"firstname\":\"First\",\"firstname\":\"Second\",\"id\":\"dupkey-2\""))) { Then = Candidate("dupkey-1", c => Assert.Equal("First", c.FirstName)) }, Expect.Projected);
        yield return ("firstbird duplicate event_name", new(F, Utf8(Batch(FirstbirdReceived("\"dupkey-f\"").Replace("{\"event_name\":\"job_application.received\"", "{\"event_name\":\"job_application.received\",\"event_name\":\"job_application.deleted\"")))), Expect.Projected);

        // Unknown events.
        yield return ("idibu unknown event", new(I, Utf8(IdibuCandidate("\"unknown-1\"", webhookEvent: "\"search.run\""))), Expect.Quarantined("unknown event"));
        yield return ("idibu no event anywhere", new(I, Utf8("{\"payload\":{\"colour\":\"blue\"}}")) { Headers = new Dictionary<string, string> { ["X-Idibu-Event"] = "" } }, Expect.Quarantined("unknown event"));
        yield return ("firstbird unknown event", new(F, Utf8(Batch(FirstbirdReceived("\"unknown-f\"", eventName: "\"job_application.teleported\"")))), Expect.Quarantined("unknown event"));

        // Markup, SQL and scripts in names are data like any other.
        yield return ("idibu script tags in names", new(I, Utf8(IdibuCandidate("\"xss-1\"", "\"<script>alert(1)</script>\"", "\"<img src=x onerror=alert(2)>\""))) { Then = Candidate("xss-1", c => Assert.Equal("<script>alert(1)</script>", c.FirstName)) }, Expect.Projected);
        yield return ("idibu SQL in the id and names", new(I, Utf8(IdibuCandidate("\"sql-1'; DROP TABLE Deliveries;--\"", "\"Robert'); DELETE FROM IdibuCandidates;--\"", "\"\\\" OR 1=1 --\""))) { Then = Candidate("sql-1'; DROP TABLE Deliveries;--", c => Assert.Equal("Robert'); DELETE FROM IdibuCandidates;--", c.FirstName)) }, Expect.Projected);
        yield return ("firstbird script tags and SQL in names", new(F, Utf8(Batch(FirstbirdReceived("\"xss-f\"", "\"<script>alert(3)</script>\"", "\"'; DROP TABLE ReferralApplications;--\"")))), Expect.Projected);
        yield return ("idibu emoji and right-to-left text", new(I, Utf8(IdibuCandidate("\"intl-1\"", "\"👩🏽‍💻 Zoë\"", "\"\u202Eمرحبا שלום\""))) { Then = Candidate("intl-1", c => Assert.Equal("\u202Eمرحبا שלום", c.LastName)) }, Expect.Projected);
        yield return ("idibu 10,000-character delivery header", new(I, Utf8(IdibuCandidate("\"hdr-1\""))) { Headers = new Dictionary<string, string> { ["X-Idibu-Delivery"] = new string('d', 10_000) } }, Expect.Projected);

        // Every date format in docs/senders.md, and some that are not dates.
        foreach (var (text, utc) in ValidDates)
            yield return ($"idibu timestamp {text}", new(I, Utf8(IdibuCandidate($"\"date-{text}\"", timestamp: $"\"{text}\""))) { Then = SnapshotAt(utc) }, Expect.Projected);
        foreach (var (text, index) in InvalidDates.Select((t, i) => (t, i)))
            yield return ($"idibu timestamp {text}", new(I, Utf8(IdibuCandidate($"\"baddate-{index}\"", timestamp: text))) { Then = SnapshotAt(null) }, Expect.Projected);
        yield return ("firstbird date_time 1970-01-01 12:00:00.000Z", new(F, Utf8(Batch(FirstbirdReceived("\"date-f1\"", dateTime: "\"1970-01-01 12:00:00.000Z\"")))) { Then = OccurredAt(new DateTime(1970, 1, 1, 12, 0, 0)) }, Expect.Projected);
        yield return ("firstbird date_time 0001-01-01T01:01:00.000+0139", new(F, Utf8(Batch(FirstbirdReceived("\"date-f2\"", dateTime: "\"0001-01-01T01:01:00.000+0139\"")))) { Then = OccurredAt(null) }, Expect.Projected);
        yield return ("firstbird date_time 2026-02-30", new(F, Utf8(Batch(FirstbirdReceived("\"date-f3\"", dateTime: "\"2026-02-30 10:00:00.000Z\"")))) { Then = OccurredAt(null) }, Expect.Projected);
    }

    /// <summary>Each format both senders use (docs/senders.md, "Dates") and the instant it stands for.</summary>
    private static readonly (string Text, DateTime? Utc)[] ValidDates =
    [
        ("2024-10-17T16:53:12+02:00", new DateTime(2024, 10, 17, 14, 53, 12)),
        ("2017-06-28 15:57:55", new DateTime(2017, 6, 28, 15, 57, 55)),
        ("1970-01-01 12:00:00.000Z", new DateTime(1970, 1, 1, 12, 0, 0)),
        ("2021-05-07T01:01:00.000+0139", new DateTime(2021, 5, 6, 23, 22, 0)),
        ("2016-03-23T08:37:15Z", new DateTime(2016, 3, 23, 8, 37, 15)),
        ("2020-01-01", new DateTime(2020, 1, 1)),
        // firstbird's own example instant lies before year 1 in UTC: no instant, so the time of receipt stands in.
        ("0001-01-01T01:01:00.000+0139", null),
    ];

    private static readonly string[] InvalidDates =
        ["\"2024-13-45T99:99:99Z\"", "\"yesterday\"", "\"\"", "1700000000", "{\"date\":\"2024-01-01\"}", "\"9999-12-31T23:59:59-14:00\""];

    private static Func<DashboardDbContext, long, Task> Candidate(string id, Action<Dashboard.Senders.Idibu.IdibuCandidate> check) =>
        async (db, deliveryId) =>
        {
            var candidate = await db.IdibuCandidates.AsNoTracking().SingleAsync(c => c.CandidateId == id);
            Assert.Equal(deliveryId, candidate.DeliveryId);
            check(candidate);
        };

    /// <summary>The snapshot is ordered by the instant given, or by the time of receipt when there is none.</summary>
    private static Func<DashboardDbContext, long, Task> SnapshotAt(DateTime? utc) =>
        async (db, deliveryId) =>
        {
            var snapshot = await db.IdibuSnapshots.AsNoTracking().SingleAsync(s => s.DeliveryId == deliveryId);
            var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
            Assert.Equal(utc ?? delivery.ReceivedAt, snapshot.SnapshotAt);
        };

    private static Func<DashboardDbContext, long, Task> OccurredAt(DateTime? utc) =>
        async (db, deliveryId) =>
        {
            var fact = await db.FirstbirdEvents.AsNoTracking().SingleAsync(e => e.DeliveryId == deliveryId);
            var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
            Assert.Equal(utc ?? delivery.ReceivedAt, fact.OccurredAt);
        };

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x9F; // not a bracket, quote or letter: the body cannot pass for JSON or a form by luck
        return bytes;
    }
}
