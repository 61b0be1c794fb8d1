using System.Text.Json.Nodes;
using Dashboard.Messages.Alerts;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Digests;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.Alerts;

/// <summary>
/// Alert rules end to end: an email to a real SMTP server and a post to a chat webhook on 127.0.0.1, once when the
/// condition starts to hold and once when it stops, with the history to show for it.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private readonly MessagesHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AQuietSenderAlertFiresOncePerEpisodeAndOnceWhenItClearsByEmailAndChat()
    {
        var app = _harness.StartApp();
        await SendIdibuAsync(app, "first");
        var rules = app.Services.GetRequiredService<AlertRulesAdmin>();
        Assert.Null(await rules.SaveAsync(new AlertRuleInput(null, "idibu quiet", AlertKind.QuietSender, "idibu", 2, null, FigurePeriod.Today,
            Comparison.Below, null, "ops@agency.example", _harness.Chat.Url), MessagesHarness.Operator, CancellationToken.None));

        await RoundAsync(app, TimeSpan.FromMinutes(1));
        Assert.Empty(_harness.Chat.Posts);
        Assert.Empty(_harness.Smtp.Received);

        // Two hours and a minute without a delivery.
        await RoundAsync(app, TimeSpan.FromHours(2));
        var fired = Assert.Single(await _harness.Chat.WaitForAsync(1));
        Assert.Equal("Alert: idibu quiet — idibu has sent nothing for 2 hours (last delivery Sun 29 Nov 2026, 13:00 Europe/Berlin (UTC+01:00)); " +
                     "the rule allows 2. (Sun 29 Nov 2026, 15:01 Europe/Berlin (UTC+01:00))", Unescaped(fired));
        var email = Assert.Single(await _harness.Smtp.WaitForAsync(1));
        Assert.Equal("[Alert] idibu quiet", email.Subject);
        Assert.Equal("ops@agency.example", Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains("idibu has sent nothing for 2 hours", email.TextBody);
        Assert.Contains($"History: {MessagesHarness.PublicUrl}/admin/alerts/history", email.TextBody);

        // Still quiet, round after round: nothing more is said.
        for (var i = 0; i < 3; i++) await RoundAsync(app, TimeSpan.FromMinutes(1));
        Assert.Single(_harness.Chat.Posts);
        Assert.Single(_harness.Smtp.Received);

        await SendIdibuAsync(app, "second");
        await RoundAsync(app, TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await _harness.Chat.WaitForAsync(2)).Count);
        Assert.StartsWith("Resolved: idibu quiet — idibu is sending: last delivery Sun 29 Nov 2026, 15:04", Unescaped(_harness.Chat.Posts[1]));
        Assert.Equal("[Resolved] idibu quiet", (await _harness.Smtp.WaitForAsync(2))[1].Subject);
        await RoundAsync(app, TimeSpan.FromMinutes(1));
        Assert.Equal(2, _harness.Chat.Posts.Count);

        var history = await MessagesHarness.AdminPageAsync(app, "/admin/alerts/history");
        Assert.Contains("Sun 29 Nov 2026, 15:01 Europe/Berlin (UTC+01:00)", history);
        Assert.Contains(">fired<", history);
        Assert.Contains(">cleared<", history);

        // The webhook's address is its credential: masked on the page, in no log line and no error.
        var page = await MessagesHarness.AdminPageAsync(app, "/admin/alerts");
        Assert.Contains("chat http://127.0.0.1/…th42", page);
        Assert.DoesNotContain(TestChatWebhook.Secret, page);
        Assert.DoesNotContain(TestChatWebhook.Secret, app.Log.Text());
        Assert.DoesNotContain("ops@agency.example", app.Log.Text());
    }

    [Fact]
    public async Task SenderTextInAnAlertReachesTheChatAndTheEmailAsTextNotMarkup()
    {
        var app = _harness.StartApp();
        const string hostile = "<!channel> *x* [y](http://evil.example) <b>z</b>";
        var rules = app.Services.GetRequiredService<AlertRulesAdmin>();
        Assert.Null(await rules.SaveAsync(new AlertRuleInput(null, "Few placements", AlertKind.Figure, null, 1, "placements", FigurePeriod.ThisWeek,
            Comparison.Below, "source=" + Uri.EscapeDataString(hostile), "ops@agency.example", _harness.Chat.Url), MessagesHarness.Operator, CancellationToken.None));

        await RoundAsync(app, TimeSpan.FromMinutes(1));

        var text = (string)Assert.Single(await _harness.Chat.WaitForAsync(1))["text"]!;
        Assert.Contains(@"Placements this week \(Source: &lt;\!channel&gt; \*x\* \[y\]\(http://evil.example\) &lt;b&gt;z&lt;/b&gt;\) is 0, below 1.", text);
        Assert.DoesNotContain("<", text);
        var email = Assert.Single(await _harness.Smtp.WaitForAsync(1));
        Assert.Contains("(Source: &lt;!channel&gt; *x* [y](http://evil.example) &lt;b&gt;z&lt;/b&gt;)", email.HtmlBody);
        Assert.DoesNotContain("<b>z</b>", email.HtmlBody);
        Assert.Contains($"(Source: {hostile})", email.TextBody);
    }

    [Fact]
    public async Task ARuleIsRefusedWithAReasonAndAPlainHttpWebhookElsewhereIsNotTaken()
    {
        var app = _harness.StartApp();
        var rules = app.Services.GetRequiredService<AlertRulesAdmin>();
        AlertRuleInput Rule(string? emails = null, string? hook = null, AlertKind kind = AlertKind.QuietSender, string? provider = "idibu") =>
            new(null, "rule", kind, provider, 5, "placements", FigurePeriod.Today, Comparison.Below, null, emails, hook);

        Assert.Equal("The chat webhook must be an https address.",
            await rules.SaveAsync(Rule(hook: "http://hooks.example.com/x"), MessagesHarness.Operator, CancellationToken.None));
        Assert.Equal("'not-an-address' is not an email address.",
            await rules.SaveAsync(Rule(emails: "ops@agency.example, not-an-address"), MessagesHarness.Operator, CancellationToken.None));
        Assert.Equal("Choose the sender that must not go quiet.",
            await rules.SaveAsync(Rule(provider: null), MessagesHarness.Operator, CancellationToken.None));
        Assert.Empty(await rules.ListAsync(CancellationToken.None));
    }

    /// <summary>Moves the clock by <paramref name="step"/> and waits for the round that runs then, messages sent.</summary>
    private async Task RoundAsync(DashboardApplication app, TimeSpan step)
    {
        var at = _harness.Clock.GetUtcNow() + step;
        _harness.AdvanceTo(at);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using (var db = await app.CreateDbContextAsync())
            {
                if (await db.Set<AlertRule>().AllAsync(r => r.LastCheckedAt >= at.UtcDateTime)) break;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("No round checked the rules.");
            await Task.Delay(50);
        }
        await _harness.OutboxSettledAsync(app);
    }

    private async Task SendIdibuAsync(DashboardApplication app, string id)
    {
        var at = _harness.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssK");
        var body = new IdibuCandidateBuilder().WithId(id).At(at).CreatedOn(at).OnVacancy("v1", "11", "Applicants").Build();
        (await app.CreateClient().PostIdibuAsync(body, $"delivery-{id}")).EnsureSuccessStatusCode();
    }

    /// <summary>The chat text with the escapes taken out, as the chat shows it.</summary>
    private static string Unescaped(JsonNode post) =>
        System.Text.RegularExpressions.Regex.Replace((string)post["text"]!, @"\\(.)", "$1").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
}
