using System.Net;
using Dashboard.DeliveryLog;
using Dashboard.Senders;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>Every row of the answers table in the README, as a sender sees it.</summary>
public sealed class WebhookAnswersTests : IDisposable
{
    private readonly DashboardApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WrongKeyIsRefusedAndNothingIsStored()
    {
        var client = _app.CreateClient();
        var response = await client.PostIdibuAsync(new IdibuCandidateBuilder().Build(), key: "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Theory]
    [InlineData("/webhooks/idibu")]
    [InlineData("/webhooks/firstbird")]
    public async Task MissingKeyIsRefused(string path)
    {
        var response = await _app.CreateClient().PostAsync(path, new StringContent("[]"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AKeyOfTheOtherSenderIsRefused()
    {
        var response = await _app.CreateClient().PostIdibuAsync(new IdibuCandidateBuilder().Build(), key: DashboardApplication.FirstbirdKey);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimitIsRefusedAndNotStored()
    {
        var client = _app.CreateClient();
        var body = new byte[1024 * 1024 + 1];
        Array.Fill(body, (byte)' ');

        var response = await client.PostFirstbirdAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task UnderstoodDeliveryIsAcceptedWithItsId()
    {
        var response = await _app.CreateClient().PostIdibuAsync(new IdibuCandidateBuilder().OnVacancy("1", "11", "Applicants").Build(), "d-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.AnswerAsync();
        Assert.Equal("accepted", answer.Status);
        Assert.False(answer.Duplicate);
        await using var db = await _app.CreateDbContextAsync();
        var stored = await db.Deliveries.SingleAsync();
        Assert.Equal(answer.DeliveryId, stored.Id);
        Assert.Equal("d-1", stored.SenderDeliveryId);
        Assert.Equal("candidate.update", stored.EventHeader);
        Assert.Equal("Idibu-Hookshot", stored.UserAgent);
    }

    [Fact]
    public async Task SameDeliveryAgainIsAnsweredAsDuplicateAndStoredOnce()
    {
        var client = _app.CreateClient();
        var body = new IdibuCandidateBuilder().OnVacancy("1", "11", "Applicants").Build();

        var first = await (await client.PostIdibuAsync(body, "same-id")).AnswerAsync();
        var second = await (await client.PostIdibuAsync(body, "same-id")).AnswerAsync();

        Assert.True(second.Duplicate);
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        await using var db = await _app.CreateDbContextAsync();
        var stored = await db.Deliveries.SingleAsync();
        Assert.Equal(1, stored.DuplicateCount);
    }

    [Fact]
    public async Task ConcurrentCopiesOfOneDeliveryAreStoredOnce()
    {
        var client = _app.CreateClient();
        var body = new IdibuCandidateBuilder().Build();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => await (await client.PostIdibuAsync(body, "burst")).AnswerAsync()));

        Assert.Single(answers.Select(a => a.DeliveryId).Distinct());
        Assert.Equal(19, answers.Count(a => a.Duplicate));
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(1, await db.Deliveries.CountAsync());
    }

    [Theory]
    [InlineData("{not json", "application/json", "not valid JSON")]
    [InlineData("", "application/json", "empty")]
    [InlineData("firstname=Jess&id=1", "application/x-www-form-urlencoded", "JSON")]
    [InlineData("{\"payload\":{\"firstname\":\"Jess\",\"vacancies\":[]},\"payload-information\":{\"webhook_event\":\"candidate.create\"}}", "application/json", "candidate id")]
    [InlineData("{\"payload\":{},\"payload-information\":{\"webhook_event\":\"search.run\"}}", "application/json", "unknown event")]
    public async Task NotUnderstoodIsKeptAndQuarantinedWithAReason(string body, string mediaType, string reasonMentions)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        var response = await _app.CreateClient().PostAsync($"/webhooks/idibu/{DashboardApplication.IdibuKey}", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.AnswerAsync();
        Assert.Equal("quarantined", answer.Status);
        Assert.Contains(reasonMentions, answer.Reason, StringComparison.OrdinalIgnoreCase);
        await using var db = await _app.CreateDbContextAsync();
        var stored = await db.Deliveries.SingleAsync();
        Assert.Equal(DeliveryStatus.Quarantined, stored.Status);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(body), stored.Body);
    }

    [Fact]
    public async Task LockedStoreAnswers503WithRetryAfterAndStoresNothing()
    {
        var client = _app.CreateClient();
        await client.GetAsync("/health");

        await using (await StoreProbe.BlockWritersAsync(_app.Database))
        {
            var response = await client.PostIdibuAsync(new IdibuCandidateBuilder().Build(), "while-locked");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter is not null);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var retry = await client.PostIdibuAsync(new IdibuCandidateBuilder().Build(), "while-locked");
        var answer = await retry.AnswerAsync();
        Assert.Equal("accepted", answer.Status);
    }
}
