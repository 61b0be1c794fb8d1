using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Dashboard.SenderKeys;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.SenderKeys;

public sealed class SenderSecurityTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FirstbirdBasicCredentialsAreRequiredOnceSet()
    {
        await Configure("firstbird", new SenderSecurityChange("firstbird", "s3cret-pass", null, null, false));
        var batch = new FirstbirdBatchBuilder().Received("a1", "2026-03-01 10:00:00.000Z").Build();

        var without = await _app.CreateClient().PostFirstbirdAsync(batch);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("firstbird:s3cret-pass"u8.ToArray()));
        var with = await client.PostFirstbirdAsync(batch);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        var view = await _app.CreateApiClient().GetStringAsync("/api/admin/senders/firstbird/security");
        Assert.DoesNotContain("s3cret-pass", view);
    }

    [Fact]
    public async Task AnAllowListRefusesOtherAddresses()
    {
        await Configure("firstbird", new SenderSecurityChange(null, null, "52.57.76.133, 52.57.83.207", null, false));
        var answer = await _app.CreateClient().PostFirstbirdAsync(new FirstbirdBatchBuilder().Received("a1", "2026-03-01 10:00:00.000Z").Build());
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);

        var bad = await _app.CreateApiClient().PutAsJsonAsync("/api/admin/senders/firstbird/security",
            new SenderSecurityChange(null, null, "not-an-ip", null, false));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task IdibuSignaturesAreRecordedAndOnlyEnforcedWhenSwitchedOn()
    {
        await Configure("idibu", new SenderSecurityChange(null, null, null, "hook-secret", false));
        var body = new IdibuCandidateBuilder().Build();
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData("hook-secret"u8, body));
        var base64 = Convert.ToBase64String(HMACSHA256.HashData("hook-secret"u8, body));

        Assert.Equal(HttpStatusCode.OK, (await Post(body, "h1", hex)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(body, "h2", "sha256=" + base64)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(body, "h3", "deadbeef")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(body, "h4", null)).StatusCode);
        await using (var db = await _app.CreateDbContextAsync())
        {
            var checks = await db.Deliveries.OrderBy(d => d.Id).Select(d => d.SignatureCheck).ToListAsync();
            Assert.Equal(["valid", "valid", "invalid", "missing"], checks);
        }

        await Configure("idibu", new SenderSecurityChange(null, null, null, null, true));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(body, "h5", "deadbeef")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(body, "h6", hex)).StatusCode);
    }

    private async Task<HttpResponseMessage> Post(byte[] body, string id, string? signature)
    {
        var client = _app.CreateClient();
        if (signature is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", signature);
        return await client.PostIdibuAsync(body, id);
    }

    private async Task Configure(string provider, SenderSecurityChange change) =>
        Assert.Equal(HttpStatusCode.NoContent,
            (await _app.CreateApiClient().PutAsJsonAsync($"/api/admin/senders/{provider}/security", change)).StatusCode);
}
