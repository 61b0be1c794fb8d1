using System.Net;
using Dashboard.Instances;
using Dashboard.LoadTests.Runs;
using Dashboard.LoadTests.Targets;
using Dashboard.Tests.Builders;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.Hosting;
using Dashboard.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.Tests.Instances;

/// <summary>
/// Two app processes on one PostgreSQL database, the short form of
/// <c>dotnet run -c Release --project tests/Dashboard.LoadTests -- instances</c>: deliveries sent to one or both,
/// one instance killed with SIGKILL halfway, and the survivor's figures checked against a single instance's.
/// Needs the server the test command starts (<c>DASHBOARD_TEST_POSTGRES</c>).
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
[Collection(nameof(ProcessDrills))]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private static PostgresServer Server() => new(PostgresServer.FromEnvironment ?? throw new InvalidOperationException(
        $"{PostgresServer.Variable} is not set: these tests need a PostgreSQL server. Run them with tests/run.sh, which starts " +
        "a throw-away one, or set it to a server connection string (Host=…;Username=…;Database=postgres)."));

    [Fact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseBothComeUp()
    {
        var server = Server();
        using var folder = new DrillFolder();
        var store = await server.CreateDatabaseAsync("test_start_together");
        var targets = new List<TargetProcess>();
        try
        {
            var starting = new[]
            {
                Launch.StartAsync(TargetKind.App, folder.Path, store, logName: "first"),
                Launch.StartAsync(TargetKind.App, folder.Path, store, logName: "second"),
            };
            try
            {
                await Task.WhenAll(starting);
            }
            catch (Exception ex)
            {
                foreach (var log in Directory.GetFiles(folder.Path, "*.log")) output.WriteLine(await File.ReadAllTextAsync(log));
                Assert.Fail($"An instance did not come up beside the other: {ex.Message}");
            }
            finally
            {
                targets.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result.Target));
            }

            foreach (var target in targets)
            {
                using var http = new HttpClient { BaseAddress = target.Address };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
            }
            Assert.Equal(1, await StoreInspector.CountAsync(store, "SELECT COUNT(*) FROM \"AspNetUsers\""));
        }
        finally
        {
            foreach (var target in targets) await target.DisposeAsync();
            await server.DropDatabaseAsync(store);
        }
    }

    [Fact]
    public async Task TheDeliveryLogCommitsInTurnWithOtherInstancesSoIdsFollowCommitOrder()
    {
        _ = Server();
        using var database = new TestDatabase("PostgreSQL");
        await using var app = new DashboardApplication(database, projection: false);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("first").Build(), "first")).StatusCode);

        // Another instance in the middle of its commit.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var otherCommit = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgreSqlAdvisoryLock.DeliveryLogKey})", other, otherCommit))
            await take.ExecuteNonQueryAsync();

        var posting = client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("second").Build(), "second");
        await StoreProbe.WaitForLockWaiterAsync(database.ConnectionString, PostgreSqlAdvisoryLock.DeliveryLogKey, TimeSpan.FromSeconds(10));
        Assert.False(posting.IsCompleted, "the delivery log committed while another instance was committing");
        await otherCommit.CommitAsync();
        Assert.Equal(HttpStatusCode.OK, (await posting).StatusCode);
    }

    [Fact]
    public async Task DeliveriesToTwoInstancesAreStoredOnceAndCountedAsByOneWhenOneIsKilled()
    {
        var server = Server();
        using var folder = new DrillFolder();
        var log = new StringWriter();

        var result = await InstancesDrill.RunAsync(folder.Path, server, rate: 200, seconds: 15, seed: 5, log);

        output.WriteLine(log.ToString());
        Assert.True(result.AcknowledgedByA > 0 && result.AcknowledgedByB > 0,
            $"both instances must acknowledge deliveries (A {result.AcknowledgedByA}, B {result.AcknowledgedByB})");
        Assert.True(result.AcknowledgedByBoth > 0, "no delivery was acknowledged by both instances");
        Assert.True(result.BDied, "B was still running after SIGKILL");
        Assert.True(result.AcknowledgedByAAfterKill > 0, "A acknowledged nothing after B died");
        Assert.True(result.ProjectionCaughtUp, "projection did not catch up with the shared store");
        Assert.Empty(result.AcknowledgedButMissing);
        Assert.Empty(result.StoredTwice);
        Assert.Empty(result.DuplicateCountsOutOfBounds);
        Assert.Empty(result.FiguresDifferent);
        Assert.Equal("ok", result.IntegrityCheck);
    }
}
