using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Digests;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages;

/// <summary>
/// The app on a store of its own with a clock the test moves, a real SMTP server and a chat webhook on 127.0.0.1, the
/// agency in Europe/Berlin. Apps started from one harness share its store, clock and servers, as instances and
/// restarts do. It starts on Sunday 29 November 2026, 13:00 in Berlin.
/// </summary>
public sealed class MessagesHarness : IAsyncDisposable
{
    public const string PublicUrl = "https://dashboard.example.com";
    public const string AdminEmail = "admin@agency.example";
    public const string AdminPassword = "messages-admin-password";
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly List<DashboardApplication> _apps = [];
    private readonly Dictionary<string, string?> _settings;

    public MessagesHarness(IDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        Database = database ?? new TestDatabase();
        _ownsDatabase = database is null;
        _settings = new Dictionary<string, string?>(Smtp.Settings())
        {
            ["Dashboard:TimeZone"] = "Europe/Berlin",
            ["Dashboard:PublicUrl"] = PublicUrl,
            ["Dashboard:AdminEmail"] = AdminEmail,
            ["Dashboard:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    private readonly bool _ownsDatabase;
    public FakeTimeProvider Clock { get; } = new(Start);
    public TestSmtpServer Smtp { get; } = new();
    public TestChatWebhook Chat { get; } = new();
    public TestDatabase Database { get; }

    /// <summary>An instance of the app (a first one, another beside it, or one after a restart), started before it returns.</summary>
    public DashboardApplication StartApp()
    {
        var app = new DashboardApplication(Database, projection: false, settings: _settings, services: s => s.AddSingleton<TimeProvider>(Clock));
        _apps.Add(app);
        _ = app.Services;
        return app;
    }

    /// <summary>Stops an instance, as a restart or a crash does.</summary>
    public async Task StopAsync(DashboardApplication app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }

    /// <summary>The operator's own token, which counts as an admin everywhere.</summary>
    public static ClaimsPrincipal Operator { get; } = new(new ClaimsIdentity(
        [new Claim(AccessClaims.Operator, "true"), new Claim(ClaimTypes.Name, "operator")], "test"));

    /// <summary>Four LinkedIn candidates and one from Indeed: three LinkedIn in the week of 23–29 Nov, one the week before.</summary>
    public static async Task SendCandidatesAsync(DashboardApplication app)
    {
        var client = app.CreateClient();
        var candidates = new[]
        {
            ("c1", "2026-11-24T09:00:00+00:00", "LinkedIn"), ("c2", "2026-11-25T09:00:00+00:00", "LinkedIn"),
            ("c3", "2026-11-26T09:00:00+00:00", "LinkedIn"), ("c4", "2026-11-25T10:00:00+00:00", "Indeed"),
            ("c5", "2026-11-18T09:00:00+00:00", "LinkedIn"),
        };
        foreach (var (id, at, source) in candidates)
        {
            var body = new IdibuCandidateBuilder().WithId(id).At(at).CreatedOn(at).WithSource(source).OnVacancy("v1", "11", "Applicants").Build();
            (await client.PostIdibuAsync(body, $"delivery-{id}")).EnsureSuccessStatusCode();
        }
        await app.ProjectAsync();
    }

    /// <summary>A recruiter with an address, as the People page would make one.</summary>
    public static Task<string> AddRecruiterAsync(DashboardApplication app, string email) =>
        PeopleOfEveryStanding.AddPersonAsync(app, email, "recruiter-password-long", Roles.Recruiter);

    /// <summary>A digest as the Email digests page saves it, made now.</summary>
    public async Task<DigestSubscription> SubscribeAsync(
        DashboardApplication app, string userId, string name, string view, DigestCadence cadence = DigestCadence.Weekly, int hour = 8,
        DayOfWeek day = DayOfWeek.Monday)
    {
        var parsed = DigestView.Parse(view, out var problem) ?? throw new ArgumentException(problem);
        var subscription = new DigestSubscription
        {
            PublicId = Guid.NewGuid(), UserId = userId, Name = name, Page = parsed.Page, Query = parsed.Query, Cadence = cadence, Hour = hour, Day = day,
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await app.CreateDbContextAsync();
        db.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> one minute at a time, so every instance's rounds tick on the way.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant - Clock.GetUtcNow() > TimeSpan.FromMinutes(1)) Clock.SetUtcNow(instant - TimeSpan.FromMinutes(1));
        if (Clock.GetUtcNow() < instant) Clock.SetUtcNow(instant);
    }

    /// <summary>Waits (in real time) until nothing in the outbox is due and untried, so a round's messages have gone.</summary>
    public async Task OutboxSettledAsync(DashboardApplication app)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            await using var db = await app.CreateDbContextAsync();
            if (!await db.Set<OutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The outbox still holds messages due now.");
    }

    /// <summary>
    /// An admin page as the first admin sees it. The sign-in cookie carries the moved clock's expiry, which a cookie
    /// jar on the real clock would throw away, so it is carried by hand.
    /// </summary>
    public static async Task<string> AdminPageAsync(DashboardApplication app, string path)
    {
        var browser = new BrowserLikeClient(app);
        var signedIn = await browser.SignInAsync(AdminEmail, AdminPassword);
        var cookies = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';')]));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var page = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await Smtp.DisposeAsync();
        Chat.Dispose();
        if (_ownsDatabase) Database.Dispose();
    }
}
