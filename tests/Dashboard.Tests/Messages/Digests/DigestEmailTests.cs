using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SkiaSharp;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.Digests;

/// <summary>
/// A weekly digest end to end: subscribed on Sunday for Monday 08:00 in Berlin, it reaches a real SMTP server at that
/// hour (not before) with the week's figures, the chart and the links, once, and not again after a restart.
/// </summary>
public sealed class DigestEmailTests : IAsyncLifetime
{
    private const string Recruiter = "sam.recruiter@agency.example";
    private static readonly DateTimeOffset MondayEightInBerlin = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private readonly MessagesHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AWeeklyDigestArrivesAtItsHourWithTheWeeksFiguresOnceAndNotAgainAfterARestart()
    {
        var app = _harness.StartApp();
        await MessagesHarness.SendCandidatesAsync(app);
        var person = await MessagesHarness.AddRecruiterAsync(app, Recruiter);
        await _harness.SubscribeAsync(app, person, "LinkedIn weekly", $"{MessagesHarness.PublicUrl}/sources?source=LinkedIn");

        _harness.AdvanceTo(MondayEightInBerlin - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None));
        await _harness.OutboxSettledAsync(app);
        Assert.Empty(_harness.Smtp.Received);

        _harness.AdvanceTo(MondayEightInBerlin);
        var mail = Assert.Single(await _harness.Smtp.WaitForAsync(1));

        Assert.Equal(Recruiter, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("LinkedIn weekly: 23 Nov – 29 Nov 2026", mail.Subject);
        Assert.Contains("Sources, 23 Nov – 29 Nov 2026 (Source: LinkedIn)", mail.TextBody);
        Assert.Contains("Against 16 Nov – 22 Nov 2026.", mail.TextBody);
        Assert.Contains("Candidates: 3 (before: 1, +200% vs previous period)", mail.TextBody);
        Assert.Contains("Weekly on Monday at 08:00, sent Mon 30 Nov 2026, 08:00 Europe/Berlin (UTC+01:00).", mail.TextBody);
        Assert.Contains($"Open the view: {MessagesHarness.PublicUrl}/sources?source=LinkedIn", mail.TextBody);
        Assert.Contains($"href=\"{MessagesHarness.PublicUrl}/sources?source=LinkedIn\"", mail.HtmlBody);

        // The same figures as the dashboard's own API for that week and filter.
        var api = await app.CreateApiClient().GetFromJsonAsync<JsonObject>("/api/analytics/overview?from=2026-11-23&to=2026-11-29&source=LinkedIn");
        Assert.Equal(3, (int)api!["candidates"]!["value"]!);
        Assert.Equal(1, (int)api["candidates"]!["previous"]!);

        var chart = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentId == MailSender.ChartContentId);
        Assert.Equal("image/png", chart.ContentType.MimeType);
        Assert.Contains($"src=\"cid:{MailSender.ChartContentId}\"", mail.HtmlBody);
        await using (var png = new MemoryStream())
        {
            await chart.Content!.DecodeToAsync(png);
            using var image = SKBitmap.Decode(png.ToArray());
            Assert.Equal((640, 300), (image.Width, image.Height));
        }

        Assert.StartsWith($"<{MessagesHarness.PublicUrl}/messages/unsubscribe?token=", mail.Headers["List-Unsubscribe"] ?? "");
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        // Another look by the same instance a minute later sends nothing more.
        _harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None));
        await _harness.OutboxSettledAsync(app);

        // A restart on the same store: the new process finds the week's digest claimed.
        await _harness.StopAsync(app);
        _harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromMinutes(5));
        var restarted = _harness.StartApp();
        Assert.Equal(0, await restarted.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await restarted.Services.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None));
        await _harness.OutboxSettledAsync(restarted);
        // The restarted scheduler and dispatcher were asked above and found nothing to do, so nothing more is coming.
        Assert.Single(_harness.Smtp.Received);

        // The next Monday brings the next week's digest.
        _harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromDays(7));
        Assert.Equal(2, (await _harness.Smtp.WaitForAsync(2)).Count);
        Assert.Equal("LinkedIn weekly: 30 Nov – 6 Dec 2026", _harness.Smtp.Received[1].Subject);
    }

    [Fact]
    public async Task TheUnsubscribeLinkWorksWithoutSigningInAndATamperedOneIsRefused()
    {
        var app = _harness.StartApp();
        var person = await MessagesHarness.AddRecruiterAsync(app, Recruiter);
        await _harness.SubscribeAsync(app, person, "Daily overview", "/", DigestCadence.Daily, hour: 8);
        _harness.AdvanceTo(MondayEightInBerlin);
        var mail = Assert.Single(await _harness.Smtp.WaitForAsync(1));
        var link = new Uri((mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));
        Assert.Contains(link.AbsoluteUri, mail.TextBody);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var token = link.Query[(link.Query.IndexOf('=') + 1)..];
        var tampered = $"{link.AbsolutePath}?token={(token[5] == 'A' ? token.Remove(5, 1).Insert(5, "B") : token.Remove(5, 1).Insert(5, "A"))}";
        var refused = await anonymous.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not one the dashboard sent", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(tampered, OneClick())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync($"{link.AbsolutePath}?token=made-up", OneClick())).StatusCode);
        Assert.Equal(1, await SubscriptionsAsync(app));

        // Opening the link asks first: a mail system's link checker must not unsubscribe anyone.
        var asked = await anonymous.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Stop the email <strong>Daily overview</strong>?", await asked.Content.ReadAsStringAsync());
        Assert.Equal(1, await SubscriptionsAsync(app));

        // What a mail program's own unsubscribe button sends (RFC 8058), without any sign-in.
        var done = await anonymous.PostAsync(link.PathAndQuery, OneClick());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("will not come again", await done.Content.ReadAsStringAsync());
        Assert.Equal(0, await SubscriptionsAsync(app));
        Assert.Contains("already stopped", await (await anonymous.GetAsync(link.PathAndQuery)).Content.ReadAsStringAsync());

        _harness.AdvanceTo(MondayEightInBerlin + TimeSpan.FromDays(1));
        Assert.Equal(0, await app.Services.GetRequiredService<DigestScheduler>().QueueDueAsync(CancellationToken.None));
        await _harness.OutboxSettledAsync(app);
        Assert.Single(_harness.Smtp.Received);
    }

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private static async Task<int> SubscriptionsAsync(DashboardApplication app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Set<DigestSubscription>().CountAsync();
    }
}
