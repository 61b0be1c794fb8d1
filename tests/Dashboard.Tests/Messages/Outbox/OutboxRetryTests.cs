using Dashboard.Messages.Outbox;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Digests;

namespace Dashboard.Tests.Messages.Outbox;

/// <summary>A mail server that refuses: the digest is tried again with a pause, and the outbox page says how it went.</summary>
public sealed class OutboxRetryTests
{
    private static readonly DateTimeOffset MondayEightInBerlin = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARefusedDigestIsShownWithItsErrorAndSentOnTheNextTry()
    {
        await using var harness = new MessagesHarness();
        var app = harness.StartApp();
        var person = await MessagesHarness.AddRecruiterAsync(app, "pat@agency.example");
        await harness.SubscribeAsync(app, person, "Weekly overview", "/");
        harness.Smtp.RefuseNext(1);

        harness.AdvanceTo(MondayEightInBerlin);
        var failed = await MessageAsync(app, m => m.Attempts == 1 && m.LastError != null);
        Assert.Equal(OutboxStatus.Queued, failed.Status);
        Assert.Contains("Mailbox busy, try again later", failed.LastError);
        Assert.Equal(MondayEightInBerlin.UtcDateTime.AddMinutes(1), failed.NextAttemptAt);
        Assert.Empty(harness.Smtp.Received);

        var page = await OutboxPageAsync(app);
        Assert.Contains("Weekly overview", page);
        Assert.Contains("queued, next try Mon 30 Nov 2026, 08:01 Europe/Berlin (UTC+01:00)", page);
        Assert.Contains("Mailbox busy, try again later", page);

        harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromMinutes(1));
        Assert.Single(await harness.Smtp.WaitForAsync(1));
        var sent = await MessageAsync(app, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.Contains("sent Mon 30 Nov 2026, 08:01 Europe/Berlin", await OutboxPageAsync(app));
    }

    [Fact]
    public async Task AMessageEveryTryOfWhichFailedIsShownAsFailedWithItsTries()
    {
        await using var harness = new MessagesHarness(new Dictionary<string, string?> { ["Messages:MaxAttempts"] = "2" });
        var app = harness.StartApp();
        var person = await MessagesHarness.AddRecruiterAsync(app, "pat@agency.example");
        await harness.SubscribeAsync(app, person, "Weekly overview", "/");
        harness.Smtp.RefuseNext(100);

        harness.AdvanceTo(MondayEightInBerlin);
        await MessageAsync(app, m => m.Attempts == 1 && m.LastError != null);
        harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromMinutes(1));
        var failed = await MessageAsync(app, m => m.Status == OutboxStatus.Failed);

        Assert.Equal(2, failed.Attempts);
        Assert.Empty(harness.Smtp.Received);
        var page = await OutboxPageAsync(app);
        Assert.Contains(">failed<", page);
        Assert.Contains("Mailbox busy, try again later", page);
        Assert.Contains("Send again", page);
    }

    /// <summary>Waits (in real time) for the outbox's only message to be as <paramref name="wanted"/> says.</summary>
    private static async Task<OutboxMessage> MessageAsync(DashboardApplication app, Func<OutboxMessage, bool> wanted)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using (var db = await app.CreateDbContextAsync())
            {
                if (await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync() is { } message && wanted(message)) return message;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox message never got there.");
            await Task.Delay(50);
        }
    }

    private static Task<string> OutboxPageAsync(DashboardApplication app) => MessagesHarness.AdminPageAsync(app, "/admin/outbox");
}
