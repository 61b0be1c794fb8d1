using Dashboard.Storage;

namespace Dashboard.Instances;

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

    public static ProjectionTurns For(StorageOptions storage) => storage.Engine == DatabaseEngine.PostgreSql
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
/// The turn is a PostgreSQL advisory lock (<see cref="PostgreSqlAdvisoryLock"/>) for the length of the batch: if the
/// instance holding it dies, another instance takes the next turn and carries on with what is waiting.
/// </summary>
public sealed class PostgreSqlProjectionTurns(string connectionString) : ProjectionTurns
{
    protected override async Task<IAsyncDisposable?> TakeSharedAsync(CancellationToken cancellationToken) =>
        await PostgreSqlAdvisoryLock.TakeAsync(connectionString, PostgreSqlAdvisoryLock.ProjectionKey, cancellationToken);
}
