using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Tests.Instances;

/// <summary>Projection on a shared PostgreSQL store waits for the instance whose turn it is, and no longer than it lives.</summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class ProjectionTurnsTests : IAsyncLifetime
{
    private readonly TestDatabase _store = new("PostgreSQL");
    private DashboardApplication _app = null!;

    public Task InitializeAsync()
    {
        _app = new DashboardApplication(_store, projection: false);
        _app.CreateClient();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnotherInstancesTurnHoldsProjectionBackUntilThatInstanceDies()
    {
        Assert.True((await _app.CreateClient().PostIdibuAsync(new IdibuCandidateBuilder().WithId("waiting-1").Build(), "w-1")).IsSuccessStatusCode);

        // "Another instance" in the middle of a batch: it holds the projection turn on a session of its own.
        var otherInstance = await PostgreSqlAdvisoryLock.TakeAsync(_store.ConnectionString, PostgreSqlAdvisoryLock.ProjectionKey, CancellationToken.None);
        var projecting = _app.ProjectAsync();
        await StoreProbe.WaitForLockWaiterAsync(_store.ConnectionString, PostgreSqlAdvisoryLock.ProjectionKey, TimeSpan.FromSeconds(10));
        Assert.False(projecting.IsCompleted, "projected while another instance held the turn");
        Assert.Equal(DeliveryStatus.Accepted, await StatusOf("w-1"));

        // That instance dies without letting go: the server ends its session, and with it the lock.
        await TerminateSessionsHoldingTheTurnAsync();
        await projecting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DeliveryStatus.Projected, await StatusOf("w-1"));
        await otherInstance.DisposeAsync();
    }

    private async Task<DeliveryStatus> StatusOf(string senderDeliveryId)
    {
        await using var db = await _app.CreateDbContextAsync();
        var delivery = await db.Deliveries.Where(d => d.SenderDeliveryId == senderDeliveryId).Select(d => new { d.Id, d.Status }).SingleAsync();
        return DeliveryStandings.ShownStatus(delivery.Status, delivery.Id, await DeliveryStandings.WatermarkAsync(db, CancellationToken.None));
    }

    private async Task TerminateSessionsHoldingTheTurnAsync()
    {
        await using var connection = new NpgsqlConnection(_store.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            "AND ((classid::bigint << 32) | objid::bigint) = @key", connection);
        kill.Parameters.AddWithValue("key", PostgreSqlAdvisoryLock.ProjectionKey);
        Assert.NotNull(await kill.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
