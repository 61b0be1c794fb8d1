using System.Net;
using Dashboard.Simulation;
using Dashboard.Storage.Moving;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Storage.Moving;

public sealed class PostgreSqlToSqliteMoveTests
{
    [Fact]
    public async Task APostgreSqlStoreMovesBackToSqliteWithTheSameFiguresAndKeyRing()
    {
        using var postgres = new TestDatabase("PostgreSQL");
        using var sqlite = new TestDatabase("Sqlite");
        Dictionary<string, string> before;
        string cookie;
        await using (var app = new DashboardApplication(postgres, projection: false))
        {
            var created = await new BrowserLikeClient(app).CreateFirstAdminAsync("back.admin@example.com", "correct-horse-battery");
            cookie = created.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)).Split(';')[0];
            await MoveTestSupport.SendAsync(app, SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 30, Seed = 8 }).Deliveries);
            before = await MoveTestSupport.AnswersAsync(app);
        }

        var report = await new StoreMove(MoveTestSupport.Endpoint(postgres), MoveTestSupport.Endpoint(sqlite), _ => { }) { ChunkSize = 30 }
            .RunAsync(CancellationToken.None);

        Assert.True(report.Check.Match, string.Join(", ", report.Check.Differences));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(sqlite.Folder, "keys"), "key-*.xml"));
        await using var moved = new DashboardApplication(sqlite, projection: false);
        MoveTestSupport.AssertSameAnswers(before, await MoveTestSupport.AnswersAsync(moved));
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/sources");
        withCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await moved.CreateClient().SendAsync(withCookie)).StatusCode);
    }
}
