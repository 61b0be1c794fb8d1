using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Dashboard.SenderKeys;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Instances;

/// <summary>
/// Two instances of the app on one PostgreSQL store, as behind a load balancer without sticky sessions for the
/// senders: whatever one instance is told or issues, the other honours.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class SharedStoreTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "shared-store-password";
    private readonly TestDatabase _store = new("PostgreSQL");
    private DashboardApplication _a = null!;
    private DashboardApplication _b = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Dashboard:AdminEmail"] = AdminEmail, ["Dashboard:AdminPassword"] = AdminPassword };
        _a = new DashboardApplication(_store, settings: settings);
        _b = new DashboardApplication(_store, settings: settings);
        // Both start together, as instances behind one proxy do: migrations and seeding must not collide.
        return Task.WhenAll(Task.Run(() => _a.CreateClient()), Task.Run(() => _b.CreateClient()));
    }

    [Fact]
    public async Task TheSameDeliveryPostedToBothAtOnceIsStoredOnceAndAnsweredAsADuplicateByOne()
    {
        var a = _a.CreateClient();
        var b = _b.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var body = new IdibuCandidateBuilder().WithId($"both-{i}").Build();
            var answers = await Task.WhenAll(a.PostIdibuAsync(body, $"both-{i}"), b.PostIdibuAsync(body, $"both-{i}"));
            Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var read = await Task.WhenAll(answers.Select(r => r.AnswerAsync()));
            Assert.Single(read, r => !r.Duplicate);
            Assert.Single(read, r => r.Duplicate);
            Assert.Equal(read[0].DeliveryId, read[1].DeliveryId);
        }

        await using var db = await _a.CreateDbContextAsync();
        Assert.Equal(20, await db.Deliveries.CountAsync());
        Assert.Equal(20, await db.Deliveries.SumAsync(d => d.DuplicateCount));
    }

    [Fact]
    public async Task AKeyIssuedOnOneInstanceWorksOnTheOtherAndARevocationThereStopsIt()
    {
        var issued = await (await _a.CreateApiClient().PostAsync("/api/admin/keys/firstbird", null))
            .Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();
        var onB = _b.CreateClient();
        var batch = new FirstbirdBatchBuilder().Received("app-1", "2026-11-20T10:00:00Z").Build();

        Assert.True(await Eventually(async () => (await onB.PostFirstbirdAsync(batch, issued!.Key)).StatusCode == HttpStatusCode.OK),
            "B refused a key A had issued");

        Assert.Equal(HttpStatusCode.NoContent, (await _a.CreateApiClient().DeleteAsync($"/api/admin/keys/{issued!.Id}")).StatusCode);
        Assert.True(await Eventually(async () => (await onB.PostFirstbirdAsync(batch, issued.Key)).StatusCode == HttpStatusCode.Unauthorized),
            "B still took a key A had revoked");
    }

    [Fact]
    public async Task ASignatureSecretSetOnOneInstanceIsCheckedByTheOther()
    {
        var change = new SenderSecurityChange(null, null, null, "shared-hook-secret", EnforceHmac: true);
        Assert.True((await _a.CreateApiClient().PutAsJsonAsync("/api/admin/senders/idibu/security", change)).IsSuccessStatusCode);
        var body = new IdibuCandidateBuilder().WithId("signed-1").Build();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData("shared-hook-secret"u8, body));

        var onB = _b.CreateClient();
        Assert.True(await Eventually(async () => (await Post(onB, body, "unsigned", null)).StatusCode == HttpStatusCode.Unauthorized),
            "B did not start enforcing the signature A switched on");
        // B decrypts the secret A protected: the key ring is shared through the store.
        Assert.Equal(HttpStatusCode.OK, (await Post(onB, body, "signed", signature)).StatusCode);
    }

    [Fact]
    public async Task ASignInOnOneInstanceIsHonouredByTheOther()
    {
        var browser = new BrowserLikeClient(_a);
        var signedIn = await browser.SignInAsync(AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);

        var onB = _b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/users");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ARoleChangeOrASignOutOnOneInstanceHoldsOnTheOtherAtItsNextRequest()
    {
        var demotedId = await PeopleOfEveryStanding.AddPersonAsync(_a, "moving.on@example.com", AdminPassword, Dashboard.Access.Roles.Admin);
        var browser = new BrowserLikeClient(_a);
        var cookie = BrowserLikeClient.SignInCookieOf(await browser.SignInAsync("moving.on@example.com", AdminPassword));
        var onB = _b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/admin/users")).StatusCode);

        (await _a.CreateApiClient().PutAsJsonAsync($"/api/admin/users/{demotedId}/role", new { role = "Recruiter" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.GetAsync("/api/admin/users")).StatusCode);

        await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/analytics/sources")).StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, byte[] body, string deliveryId, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/idibu/{DashboardApplication.IdibuKey}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add("X-Idibu-Delivery", deliveryId);
        if (signature is not null) request.Headers.TryAddWithoutValidation("Authorization", signature);
        return client.SendAsync(request);
    }

    /// <summary>Another instance hears of a change within moments, not at once: asks again for up to 3 s.</summary>
    private static async Task<bool> Eventually(Func<Task<bool>> check)
    {
        var until = DateTime.UtcNow.AddSeconds(3);
        while (true)
        {
            if (await check()) return true;
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _store.Dispose();
    }
}
