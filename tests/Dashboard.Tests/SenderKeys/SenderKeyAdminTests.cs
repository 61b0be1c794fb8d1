using System.Net;
using System.Net.Http.Json;
using Dashboard.Access;
using Dashboard.Admin.Audit;
using Dashboard.SenderKeys;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.SenderKeys;

public sealed class EndpointKeyAdminTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly DashboardApplication _app;

    public EndpointKeyAdminTests() =>
        _app = new DashboardApplication(services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AfterRotationBothKeysWorkUntilTheGracePeriodEndsThenOnlyTheNewOne()
    {
        var admin = _app.CreateApiClient();
        var created = await (await admin.PostAsync("/api/admin/keys/idibu", null)).Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();
        var rotated = await (await admin.PostAsync("/api/admin/keys/idibu/rotate?graceHours=24", null)).Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();

        Assert.EndsWith($"/webhooks/idibu/{rotated!.Key}", rotated.WebhookUrl);
        Assert.Equal(HttpStatusCode.OK, await PostWith(created!.Key, "before-grace-old"));
        Assert.Equal(HttpStatusCode.OK, await PostWith(rotated.Key, "before-grace-new"));

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostWith(created.Key, "after-grace-old"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWith(DashboardApplication.IdibuKey, "after-grace-seeded"));
        Assert.Equal(HttpStatusCode.OK, await PostWith(rotated.Key, "after-grace-new"));
    }

    [Fact]
    public async Task ARevokedKeyAnswers401AtOnce()
    {
        var admin = _app.CreateApiClient();
        var key = await (await admin.PostAsync("/api/admin/keys/firstbird", null)).Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();
        var batch = new FirstbirdBatchBuilder().Received("a1", "2026-03-01 10:00:00.000Z").Build();
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().PostFirstbirdAsync(batch, key!.Key)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/keys/{key.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostFirstbirdAsync(batch, key.Key)).StatusCode);
        var listed = await admin.GetFromJsonAsync<SenderKeyEndpoints.KeysAnswer>("/api/admin/keys/firstbird");
        Assert.False(listed!.Keys.Single(k => k.Id == key.Id).Live);
        Assert.DoesNotContain(key.Key, await admin.GetStringAsync("/api/admin/keys/firstbird"));
    }

    [Fact]
    public async Task ARecruiterGets403OnEveryAdminEndpoint()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            await FirstAdminSetup.EnsureRolesAsync(scope.ServiceProvider);
            var recruiter = new DashboardUser { UserName = "rec@example.com", Email = "rec@example.com", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(recruiter, "recruiter-password")).Succeeded);
            await users.AddToRoleAsync(recruiter, Roles.Recruiter);
        }
        var browser = new BrowserLikeClient(_app);
        await browser.SignInAsync("rec@example.com", "recruiter-password");
        var token = await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "scripts" }))
            .Content.ReadFromJsonAsync<Dashboard.Access.Tokens.IssuedToken>();
        var withToken = _app.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);

        var adminRoutes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/admin", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();

        Assert.NotEmpty(adminRoutes);
        foreach (var (method, template) in adminRoutes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template.Replace("{provider}", "idibu"), "{[^}]+}", "1");
            var byCookie = await browser.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(byCookie.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {byCookie.StatusCode} to a recruiter's cookie");
            var byToken = await withToken.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(byToken.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {byToken.StatusCode} to a recruiter's token");
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task EveryKeyActionIsAuditedWithoutTheKey()
    {
        var admin = _app.CreateApiClient();
        var created = await (await admin.PostAsync("/api/admin/keys/idibu", null)).Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();
        var rotated = await (await admin.PostAsync("/api/admin/keys/idibu/rotate", null)).Content.ReadFromJsonAsync<SenderKeyEndpoints.IssuedKeyAnswer>();
        await admin.DeleteAsync($"/api/admin/keys/{created!.Id}");

        var audit = (await admin.GetFromJsonAsync<List<AuditRow>>("/api/admin/audit?action=key."))!;
        Assert.Equal(["key.revoked", "key.rotated", "key.created"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("configuration token", a.Actor));
        var text = await admin.GetStringAsync("/api/admin/audit");
        Assert.DoesNotContain(created.Key, text);
        Assert.DoesNotContain(rotated!.Key, text);
        Assert.Contains(created.Hint, text);
        Assert.DoesNotContain(created.Key, _app.Log.Text());
    }

    private async Task<HttpStatusCode> PostWith(string key, string deliveryId) =>
        (await _app.CreateClient().PostIdibuAsync(new IdibuCandidateBuilder().Build(), deliveryId, key: key)).StatusCode;
}
