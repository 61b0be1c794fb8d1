using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Storage;

public sealed class DurabilityTests : IDisposable
{
    private readonly DashboardApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheStoreRunsInWalModeWithFullSynchronousCommits()
    {
        _app.CreateClient();
        await using var db = await _app.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        if (_app.Database.IsPostgreSql)
        {
            // The app asks for it on its own sessions: a server configured with synchronous_commit=off would otherwise
            // acknowledge deliveries a crash can still take back.
            command.CommandText = "SHOW synchronous_commit;";
            Assert.Equal("on", (string?)await command.ExecuteScalarAsync());
            return;
        }

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync()); // 2 = FULL
    }

    [Fact]
    public async Task EndpointKeysAreStoredOnlyAsHashes()
    {
        _app.CreateClient();
        foreach (var key in new[] { DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey })
            Assert.Empty(await StoreProbe.PlacesHoldingAsync(_app.Database, key));
        await using (var db = await _app.CreateDbContextAsync()) Assert.Equal(2, await db.SenderKeys.CountAsync());
        if (_app.Database.IsPostgreSql) return;

        // SQLite: not even in the file's free pages or the write-ahead log.
        var file = await File.ReadAllBytesAsync(_app.Database.FilePath);
        var wal = File.Exists(_app.Database.FilePath + "-wal") ? await File.ReadAllBytesAsync(_app.Database.FilePath + "-wal") : [];

        foreach (var key in new[] { DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(key);
            Assert.Equal(-1, file.AsSpan().IndexOf(bytes));
            Assert.Equal(-1, wal.AsSpan().IndexOf(bytes));
        }
    }
}
