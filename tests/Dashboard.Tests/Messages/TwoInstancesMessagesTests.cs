using Dashboard.Messages.Alerts;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Digests;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages;

/// <summary>
/// Two instances on one store at the hour a digest is due and a rule starts to hold: each message goes out once, and
/// neither instance logs an error, whether starting on a new database or finding the other has claimed a round or a digest.
/// Runs on the suite's store (SQLite, then PostgreSQL); <c>Instances/MessagesOnSharedPostgreSqlTests</c> runs it on
/// PostgreSQL whatever the suite's store.
/// </summary>
public sealed class TwoInstancesMessagesTests
{
    private static readonly DateTimeOffset MondayEightInBerlin = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task ADueDigestAndAFiringAlertAreSentOnceByTwoInstances() => RunAsync(new TestDatabase());

    internal static async Task RunAsync(TestDatabase database)
    {
        using var store = database;
        await using var harness = new MessagesHarness(database: store);
        var a = harness.StartApp();
        var b = harness.StartApp();
        var person = await MessagesHarness.AddRecruiterAsync(a, "kim@agency.example");
        await harness.SubscribeAsync(a, person, "Monday overview", "/");
        Assert.Null(await a.Services.GetRequiredService<AlertRulesAdmin>().SaveAsync(new AlertRuleInput(null, "No placements", AlertKind.Figure, null, 1,
            "placements", FigurePeriod.ThisWeek, Comparison.Below, null, null, harness.Chat.Url), MessagesHarness.Operator, CancellationToken.None));

        harness.AdvanceTo(MondayEightInBerlin);
        // Both instances' own rounds run now; each is also asked once more at the same moment.
        var queued = await Task.WhenAll(
            a.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None),
            b.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None));
        Assert.InRange(queued.Sum(), 0, 1);
        await harness.Smtp.WaitForAsync(1);
        await harness.Chat.WaitForAsync(1);
        await harness.OutboxSettledAsync(a);
        // Asked again, neither instance finds anything left to send: what was sent is all there is.
        var sentAgain = await Task.WhenAll(
            a.Services.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None),
            b.Services.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None));
        Assert.Equal(0, sentAgain.Sum());

        Assert.Equal("Monday overview: 23 Nov – 29 Nov 2026", Assert.Single(harness.Smtp.Received).Subject);
        Assert.StartsWith("Alert: No placements", (string)Assert.Single(harness.Chat.Posts)["text"]!);
        await using var db = await a.CreateDbContextAsync();
        Assert.Equal(1, await db.Set<DigestRun>().CountAsync());
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
        Assert.Equal(1, await db.Set<AlertEvent>().CountAsync());
        // A first start on a new database, and losing a claim to the other instance, are the normal course of things:
        // neither instance logs an error for them.
        Assert.Empty(a.Log.Events.Concat(b.Log.Events)
            .Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{e.RenderMessage()} {e.Exception?.Message}"));
    }
}
