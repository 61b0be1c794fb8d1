using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.DeliveryLog;
using Dashboard.Moving;
using Dashboard.Projection;
using Dashboard.Senders;
using Dashboard.Senders.Idibu;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Moving;

/// <summary>
/// A SQLite installation filled through its real endpoints and set up by an admin, moved to PostgreSQL: the app on the
/// moved store answers exactly as before and carries on (keys, people, sign-in cookies, the protected HMAC secret).
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class SqliteToPostgreSqlMoveTests
{
    private const string AdminEmail = "mover.admin@example.com";
    private const string Password = "correct-horse-battery";
    private const string HmacSecret = "shared-hmac-secret-for-the-move";

    [Fact]
    public async Task TheMovedStoreAnswersEveryFigureByteForByteAndTheInstallationCarriesOn()
    {
        using var sqlite = new TestDatabase("Sqlite");
        using var postgres = new TestDatabase("PostgreSQL");
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 40, Seed = 11 });
        Dictionary<string, string> before;
        string cookie, issuedKey, personalToken;
        Dashboard.DeliveryLog.Delivery firstIdibu;
        long lastId;
        await using (var app = new DashboardApplication(sqlite, projection: false))
        {
            var browser = new BrowserLikeClient(app);
            var created = await browser.CreateFirstAdminAsync(AdminEmail, Password);
            cookie = created.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)).Split(';')[0];
            var api = app.CreateApiClient();
            issuedKey = (await (await api.PostAsync("/api/admin/keys/idibu", null)).Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
            personalToken = (await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "reports" })).Content.ReadFromJsonAsync<JsonObject>())!
                ["token"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/admin/senders/idibu/security",
                new { basicUsername = (string?)null, basicPassword = (string?)null, allowedIps = (string?)null, hmacSecret = HmacSecret, enforceHmac = false })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/admin/funnel", new
            {
                stages = new[] { "Applied", "Shortlisted", "Assessment", "Interview", "Offer", "Placed" },
                mappings = new Dictionary<string, string?> { ["idibu:status:custom"] = "Assessment" },
            })).StatusCode);

            await MoveTestSupport.SendAsync(app, traffic.Deliveries);
            // A right-to-erasure request leaves tombstones, which must stay erased on the moved store.
            Assert.True((await api.PostAsJsonAsync("/api/admin/erasure", new { candidate = "100003" })).IsSuccessStatusCode);
            await app.ProjectAsync();
            before = await MoveTestSupport.AnswersAsync(app);

            await using var db = await app.CreateDbContextAsync();
            var projected = DeliveryStandings.WithStatus(db.Deliveries, DeliveryStatus.Projected, await DeliveryStandings.WatermarkAsync(db, CancellationToken.None));
            firstIdibu = await projected.Where(d => d.Provider == IdibuSender.SenderName).OrderBy(d => d.Id).FirstAsync();
            Assert.True(await db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Erased));
            lastId = await db.Deliveries.MaxAsync(d => d.Id);
        }

        var lines = new List<string>();
        var report = await new StoreMove(MoveTestSupport.Endpoint(sqlite), MoveTestSupport.Endpoint(postgres), lines.Add) { ChunkSize = 40 }
            .RunAsync(CancellationToken.None);

        Assert.True(report.Check.Match, string.Join(", ", report.Check.Differences));
        Assert.True(report.KeysAdded > 0);
        var copied = report.Deliveries.Copied.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"^deliveries {copied} / {copied} \(100%\), [\d,]+/s$", lines.Single(l => l.StartsWith("deliveries ", StringComparison.Ordinal) && l.Contains("100%")));
        Assert.Contains(lines, l => l.StartsWith("read model ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Password", StringComparison.OrdinalIgnoreCase) || l.Contains('@'));

        await using var moved = new DashboardApplication(postgres, projection: false);
        var after = await MoveTestSupport.AnswersAsync(moved);
        MoveTestSupport.AssertSameAnswers(before.Where(a => !a.Key.StartsWith("/api/deliveries", StringComparison.Ordinal)).ToDictionary(), after);
        MoveTestSupport.AssertSameAnswers(MoveTestSupport.WithMicrosecondInstants(before), after);

        // The key an admin issued before the move still opens the webhook; a retried delivery is known as a duplicate.
        var client = moved.CreateClient();
        var body = new Builders.IdibuCandidateBuilder().WithId("m-1").OnVacancy("v-move", "11", "Applicants").Build();
        using var signed = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/idibu/{issuedKey}") { Content = new ByteArrayContent(body) };
        signed.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        signed.Headers.Add("X-Idibu-Event", "candidate.update");
        signed.Headers.Add("X-Idibu-Delivery", "after-the-move");
        signed.Headers.TryAddWithoutValidation("Authorization", SignatureOf(body));
        var fresh = await (await client.SendAsync(signed)).AnswerAsync();
        Assert.Equal("accepted", fresh.Status);
        // PostgreSQL's identity columns carry on after the copied ids.
        Assert.Equal(lastId + 1, fresh.DeliveryId);
        Assert.True((await moved.CreateApiClient().PostAsync("/api/admin/keys/firstbird", null)).IsSuccessStatusCode);
        var again = await (await client.PostIdibuAsync(firstIdibu.Body, firstIdibu.SenderDeliveryId, firstIdibu.EventHeader ?? "candidate.update", issuedKey))
            .AnswerAsync();
        Assert.True(again.Duplicate);
        Assert.Equal(firstIdibu.Id, again.DeliveryId);

        // The key ring moved: the HMAC secret is still readable, and a cookie issued before the move still signs in.
        await using (var db = await moved.CreateDbContextAsync())
            Assert.Equal("valid", (await db.Deliveries.SingleAsync(d => d.SenderDeliveryId == "after-the-move")).SignatureCheck);
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/sources");
        withCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withCookie)).StatusCode);
        var tokenClient = moved.CreateClient();
        tokenClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", personalToken);
        Assert.Equal(HttpStatusCode.OK, (await tokenClient.GetAsync("/api/analytics/funnel")).StatusCode);
        var signIn = await new BrowserLikeClient(moved).SignInAsync(AdminEmail, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal));
    }

    /// <summary>idibu's optional signature: an HMAC-SHA256 of the body with the shared secret, in hex.</summary>
    internal static string SignatureOf(byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacSecret), body));
}
