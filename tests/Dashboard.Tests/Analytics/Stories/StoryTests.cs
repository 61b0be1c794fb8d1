using System.Data.Common;
using System.Net;
using Dashboard.Access;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Stories;
using Dashboard.Storage;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Analytics.Stories;

/// <summary>
/// The story behind a number: a candidate's vacancies and every status with when it was first seen, a referral
/// application's events in order, and the deliveries that said so for admins only.
/// </summary>
public sealed class StoryTests : IAsyncLifetime
{
    private const string Password = "story-password-long";
    private readonly DashboardApplication _app = new(projection: false);
    private readonly Dictionary<string, long> _deliveries = [];

    public async Task InitializeAsync()
    {
        var sender = _app.CreateClient();
        async Task SendAsync(string id, IdibuCandidateBuilder snapshot) =>
            _deliveries[id] = (await (await sender.PostIdibuAsync(snapshot.Build(), id)).AnswerAsync()).DeliveryId;

        // Candidate 7001 moves on vacancy 501 over three snapshots and joins vacancy 502 at the second.
        await SendAsync("s1", new IdibuCandidateBuilder().WithId("7001").At("2026-03-02T10:00:00+00:00").OnVacancy("501", "11", "Applicants"));
        await SendAsync("s2", new IdibuCandidateBuilder().WithId("7001").At("2026-03-05T09:30:00+00:00")
            .OnVacancy("501", "21", "Shortlist").OnVacancy("502", "11", "Applicants"));
        await SendAsync("s3", new IdibuCandidateBuilder().WithId("7001").At("2026-03-09T15:00:00+00:00")
            .OnVacancy("501", "31", "First interview").OnVacancy("502", "11", "Applicants"));
        // Candidate 7002: one snapshot, one vacancy, one status.
        await SendAsync("t1", new IdibuCandidateBuilder().WithId("7002").At("2026-03-03T08:00:00+00:00").OnVacancy("501", "11", "Applicants"));

        var batch = new FirstbirdBatchBuilder()
            .Hired("app-9", "2026-03-20 09:00:00.000Z", payReward: true)
            .Received("app-9", "2026-03-01 10:00:00.000Z")
            .Rated("app-9", "2026-03-04 12:00:00.000Z", "A")
            .Feedback("app-9", "2026-03-04 12:00:00.000Z", "ref-1", "POSITIVE")
            .Build();
        _deliveries["fb"] = (await (await sender.PostFirstbirdAsync(batch)).AnswerAsync()).DeliveryId;
        await _app.ProjectAsync();

        await PeopleOfEveryStanding.AddPersonAsync(_app, "rita@example.com", Password, Roles.Recruiter);
        await PeopleOfEveryStanding.AddPersonAsync(_app, "alan@example.com", Password, Roles.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheQueryTellsEachVacancyWithEveryStatusAndWhenItWasFirstSeen()
    {
        await using var db = await _app.CreateDbContextAsync();
        var targets = await StatusTargets.LoadAsync(db, _app.Services.GetRequiredService<FunnelDefinitionStore>(), CancellationToken.None);

        var story = await CandidateStoryQueries.ReadAsync(db, "7001", targets, withDeliveries: true, CancellationToken.None);

        Assert.NotNull(story);
        Assert.Equal(("Jess Quincy", "LinkedIn", "Tim Parker"), (story.Name, story.Source, story.Consultant));
        Assert.Equal(["501", "502"], story.Vacancies.Select(v => v.VacancyId));
        var first = story.Vacancies[0];
        Assert.Equal(("Vacancy 501 (REF-501)", "First interview", At("2026-03-02 10:00")), (first.Vacancy, first.CurrentStatus, first.FirstSeenAt));
        Assert.Equal(
            [("Applicants", "Applied", At("2026-03-02 10:00"), _deliveries["s1"]), ("Shortlist", "Shortlisted", At("2026-03-05 09:30"), _deliveries["s2"]),
             ("First interview", "Interview", At("2026-03-09 15:00"), _deliveries["s3"])],
            first.Statuses.Select(s => (s.Status, s.Stage ?? "", s.FirstSeenAt, s.DeliveryId!.Value)));
        var second = Assert.Single(story.Vacancies[1].Statuses);
        Assert.Equal(("Applicants", At("2026-03-05 09:30"), _deliveries["s2"]), (second.Status, second.FirstSeenAt, second.DeliveryId!.Value));
        Assert.Equal([_deliveries["s1"], _deliveries["s2"], _deliveries["s3"]], story.Deliveries!.Select(d => d.DeliveryId));
    }

    [Fact]
    public async Task WithoutDeliveriesTheQueryReadsNone()
    {
        await using var db = await _app.CreateDbContextAsync();
        var targets = await StatusTargets.LoadAsync(db, _app.Services.GetRequiredService<FunnelDefinitionStore>(), CancellationToken.None);

        var story = await CandidateStoryQueries.ReadAsync(db, "7001", targets, withDeliveries: false, CancellationToken.None);

        Assert.Null(story!.Deliveries);
        Assert.All(story.Vacancies.SelectMany(v => v.Statuses), s => Assert.Null(s.DeliveryId));
        Assert.Null(await CandidateStoryQueries.ReadAsync(db, "no-such", targets, withDeliveries: true, CancellationToken.None));
    }

    [Fact]
    public async Task TheQueryTakesAsManyStatementsForTwoVacanciesAndFiveStatusesAsForOne()
    {
        await using var probe = await _app.CreateDbContextAsync();
        var targets = await StatusTargets.LoadAsync(probe, _app.Services.GetRequiredService<FunnelDefinitionStore>(), CancellationToken.None);

        async Task<int> StatementsFor(string candidateId)
        {
            var counter = new StatementCounter();
            await using var db = CountingContext(counter);
            var story = await CandidateStoryQueries.ReadAsync(db, candidateId, targets, withDeliveries: true, CancellationToken.None);
            Assert.NotNull(story);
            return counter.Count;
        }

        var many = await StatementsFor("7001");
        var one = await StatementsFor("7002");

        Assert.Equal(one, many);
        Assert.Equal(3, many);
    }

    [Fact]
    public async Task ARecruiterSeesTheStoryButNotTheDeliveries()
    {
        var html = await PageAsync("rita@example.com", "/candidates/7001");

        Assert.Contains("Jess Quincy", html);
        Assert.Contains("Shortlist", html);
        Assert.Contains("2026-03-05 09:30", html);
        Assert.DoesNotContain("admin/deliveries/", html);
        Assert.DoesNotContain("Every delivery about this candidate", html);
        Assert.DoesNotContain("jess.quincy@example.com", html);
    }

    [Fact]
    public async Task AnAdminSeesTheDeliveriesThatSaidSoEachLinkedToItsPage()
    {
        var html = await PageAsync("alan@example.com", "/candidates/7001");

        Assert.Contains($"href=\"admin/deliveries/{_deliveries["s2"]}\"", html);
        Assert.Contains("Every delivery about this candidate", html);
        Assert.DoesNotContain("jess.quincy@example.com", html);
    }

    [Fact]
    public async Task AReferralApplicationShowsItsEventsInTheOrderTheyWereRead()
    {
        var recruiter = await PageAsync("rita@example.com", "/referrals/applications/app-9");
        var admin = await PageAsync("alan@example.com", "/referrals/applications/app-9");

        var order = new[] { ">received<", ">rated<", ">referral added<", ">hired<" }.Select(e => recruiter.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("Rating: A", recruiter);
        Assert.Contains("Feedback: POSITIVE", recruiter);
        Assert.DoesNotContain("admin/deliveries/", recruiter);
        Assert.Contains($"href=\"admin/deliveries/{_deliveries["fb"]}\"", admin);
    }

    [Fact]
    public async Task AnUnknownCandidateIsSaidToBeUnknown()
    {
        var html = await PageAsync("rita@example.com", "/candidates/nobody-here");

        Assert.Contains("No such candidate", html);
    }

    private async Task<string> PageAsync(string email, string path)
    {
        var browser = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, Password)).StatusCode);
        var answer = await browser.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    private DashboardDbContext CountingContext(StatementCounter counter) => _app.Database.IsPostgreSql
        ? new PostgreSqlDashboardDbContext((DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
            .UseDashboardPostgreSql(_app.Database.ConnectionString).AddInterceptors(counter).Options)
        : new SqliteDashboardDbContext((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite(_app.Database.ConnectionString).AddInterceptors(counter).Options);

    private static DateTime At(string utc) => DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private sealed class StatementCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
