using System.Security.Cryptography;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// The hostile input catalogue, posted through the real endpoint one case at a time into one running app: each case
/// gets the answer the README's answers table promises, lands in the delivery log with the right status and reason, logs no error,
/// and leaves the projector working.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class HostileInputTests(ResilienceApplication shared) : IClassFixture<ResilienceApplication>
{
    public static TheoryData<string, HostileRequest, HostileExpectation> Catalogue => HostileInputCatalogue.Cases();

    [Fact]
    public void TheCatalogueHoldsAtLeastFortyNamedCases()
    {
        var names = Catalogue.Select(row => (string)row[0]).ToList();
        Assert.True(names.Count >= 40, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public async Task HostileBodyGetsTheContractAnswerAndTheProjectorCarriesOn(string name, HostileRequest request, HostileExpectation expected)
    {
        var errorsBefore = shared.Errors().Count;

        using var response = await shared.Client.SendAsync(request.ToMessage($"hostile-{name}"));

        Assert.Equal(expected.Answer, response.StatusCode);
        if (expected.Stored is null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            await AssertNothingStoredAsync(request.Body);
        }
        else
        {
            var answer = await response.AnswerAsync();
            Assert.False(answer.Duplicate, "each case is a new delivery");
            Assert.Equal(expected.AnswerStatus, answer.Status);
            if (expected.AnswerStatus == "quarantined") Assert.Contains(expected.ReasonMentions!, answer.Reason, StringComparison.OrdinalIgnoreCase);

            var stored = await shared.VerdictAsync(answer.DeliveryId);
            Assert.Equal(expected.Stored, stored.Status);
            Assert.Equal(request.Body, stored.Body);
            if (expected.ReasonMentions is not null) Assert.Contains(expected.ReasonMentions, stored.StatusReason, StringComparison.OrdinalIgnoreCase);
            if (request.Then is { } then)
            {
                await using var db = await shared.App.CreateDbContextAsync();
                await then(db, answer.DeliveryId);
            }
        }

        Assert.Equal(errorsBefore, shared.Errors().Count);
        await shared.AssertAFreshDeliveryIsProjectedAsync();
    }

    private async Task AssertNothingStoredAsync(byte[] body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        await using var db = await shared.App.CreateDbContextAsync();
        Assert.False(await db.Deliveries.AnyAsync(d => d.BodySha256 == hash), "a refused body is not stored");
    }
}
