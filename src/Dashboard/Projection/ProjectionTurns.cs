using Dashboard.Storage;
using Npgsql;

namespace Dashboard.Projection;

/// <summary>
/// Whoever writes the read model takes a turn here first: a projection batch, a replay, a rebuild, retention or an
/// erasure. Turns are exclusive across every instance that shares the store, so two instances never fold the same
/// candidate at once, and whichever instance is alive carries on with what is waiting.
/// </summary>
public abstract class ProjectionTurns
{
    private readonly SemaphoreSlim _inThisProcess = new(1, 1);

    public async Task<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _inThisProcess.WaitAsync(cancellationToken);
        try
        {
            var shared = await TakeSharedAsync(cancellationToken);
            return new Turn(this, shared);
        }
        catch
        {
            _inThisProcess.Release();
            throw;
        }
    }

    /// <summary>The part of the turn other processes see; null where there are none.</summary>
    protected abstract Task<IAsyncDisposable?> TakeSharedAsync(CancellationToken cancellationToken);

    public static ProjectionTurns For(StorageOptions storage) => storage.Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlProjectionTurns(storage.ConnectionString)
        : new LocalProjectionTurns();

    private sealed class Turn(ProjectionTurns owner, IAsyncDisposable? shared) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                if (shared is not null) await shared.DisposeAsync();
            }
            finally
            {
                owner._inThisProcess.Release();
            }
        }
    }
}

/// <summary>A SQLite store has one instance: the turn is the process's own.</summary>
public sealed class LocalProjectionTurns : ProjectionTurns
{
    protected override Task<IAsyncDisposable?> TakeSharedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(null);
}

/// <summary>
/// A PostgreSQL session advisory lock, held on a connection of its own for the length of the turn. If the instance
/// holding it dies, PostgreSQL ends the session and the lock goes with it: another instance takes the next turn.
/// </summary>
public sealed class PostgreSqlProjectionTurns(string connectionString) : ProjectionTurns
{
    // Any constant shared by every instance of this app; the bytes spell "rdashprj".
    public const long LockKey = 0x7264617368707266;

    // Not pooled: a connection that went back to the pool still holding the lock would block every instance.
    private readonly string _connectionString =
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;

    protected override async Task<IAsyncDisposable?> TakeSharedAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Lease(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Lease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing an unpooled connection ends the session, which releases the lock even if the unlock cannot run.
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", LockKey);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
