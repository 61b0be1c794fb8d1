using System.Net;
using Dashboard.LoadTests.Targets;
using Dashboard.Tests.Durability;
using Xunit.Abstractions;

namespace Dashboard.Tests.Instances;

/// <summary>
/// Two app processes on one PostgreSQL database. Needs the server the test command starts (<c>DASHBOARD_TEST_POSTGRES</c>).
/// </summary>
[Collection(nameof(ProcessDrills))]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private static PostgresServer Server() => new(PostgresServer.FromEnvironment ?? throw new InvalidOperationException(
        $"{PostgresServer.Variable} is not set: these tests need a PostgreSQL server. Run them with tests/run.sh, which starts " +
        "a throw-away one, or set it to a server connection string (Host=…;Username=…;Database=postgres)."));

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_both_come_up()
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
}
