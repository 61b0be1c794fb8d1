using System.Net;
using Dashboard.Moving;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Moving;

[Trait(TestRuns.Name, TestRuns.Once)]
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

        // Through the command, as an operator runs it: the source is the store the configuration names.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Dashboard"] = postgres.ConnectionString,
        }).Build();
        var output = new StringWriter();
        var exit = await MoveStoreCommand.RunAsync(
            ["--to-provider", "Sqlite", "--to", sqlite.ConnectionString, "--chunk-size", "30"], configuration, sqlite.Folder, output, CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("figures match", output.ToString());
        Assert.DoesNotContain(postgres.ConnectionString, output.ToString());
        Assert.DoesNotContain("Username", output.ToString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(sqlite.Folder, "keys"), "key-*.xml"));
        await using var moved = new DashboardApplication(sqlite, projection: false);
        MoveTestSupport.AssertSameAnswers(before, await MoveTestSupport.AnswersAsync(moved));
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/sources");
        withCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await moved.CreateClient().SendAsync(withCookie)).StatusCode);
    }
}
