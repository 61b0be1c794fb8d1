using System.Diagnostics;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Index;

/// <summary>
/// Holds the <see cref="FigureIndex"/> of this instance: built from the store in the background at start, and
/// caught up before every figure with what the store's <see cref="Projection.ReadModel.ReadModelClock"/> says moved
/// since (here or on another instance). Until it is built, or while a new epoch (a rebuild, an erasure) has it built
/// again, figures come from the store's own queries: slower, never different.
/// </summary>
public sealed class FigureIndexHost(IDbContextFactory<DashboardDbContext> factory, ILogger<FigureIndexHost> logger) : BackgroundService
{
    // Past this many changed candidates a fresh build is cheaper than catching up (a rebuild's backlog, a big import).
    private const int MostCandidatesToCatchUp = 50_000;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly Lock _building = new();
    private FigureIndex? _index;
    private long _version;
    private long _epoch;
    private Task? _build;

    /// <summary>Whether figures are answered from the index now (false while it is first built or built again).</summary>
    public bool IsBuilt => Volatile.Read(ref _index) is not null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StartBuild(stoppingToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs <paramref name="figure"/> on the index once it holds everything the store held when this was called;
    /// null when there is no index to use (not built yet, or being built again), and the caller asks the store.
    /// </summary>
    internal async Task<T?> ReadAsync<T>(Func<FigureIndex, T> figure, CancellationToken ct) where T : class
    {
        if (Volatile.Read(ref _index) is null)
        {
            // Not built yet, or the last build failed (a store that was not ready): try again, once at a time.
            StartBuild(CancellationToken.None);
            return null;
        }
        if (!await CatchUpAsync(ct)) return null;
        _lock.EnterReadLock();
        try
        {
            return _index is { } index ? figure(index) : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var clock = await FigureIndexLoader.ClockAsync(db, ct);
        if (clock.Epoch != Volatile.Read(ref _epoch))
        {
            Discard();
            return false;
        }
        if (clock.Version <= Volatile.Read(ref _version)) return true;

        await _catchingUp.WaitAsync(ct);
        try
        {
            var seen = _version;
            if (clock.Version <= seen) return true;
            var apply = await FigureIndexLoader.ChangesAsync(db, seen, MostCandidatesToCatchUp, ct);
            if (apply is null)
            {
                Discard();
                return false;
            }
            _lock.EnterWriteLock();
            try
            {
                if (_index is null) return false;
                apply(_index);
                _version = clock.Version;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            return true;
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>Drops the index and builds a fresh one; figures come from the store meanwhile.</summary>
    private void Discard()
    {
        _lock.EnterWriteLock();
        try
        {
            _index = null;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        StartBuild(CancellationToken.None);
    }

    private void StartBuild(CancellationToken ct)
    {
        lock (_building)
        {
            if (_build is { IsCompleted: false }) return;
            _build = Task.Run(() => BuildAsync(ct), ct);
        }
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var (index, clock) = await FigureIndexLoader.LoadAsync(factory, ct);
            _lock.EnterWriteLock();
            try
            {
                (_index, _version, _epoch) = (index, clock.Version, clock.Epoch);
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            logger.LogInformation("Figure index built: {Candidates} candidates, {Pairs} pairs, {Referrals} referral applications in {Seconds:F1} s",
                index.Idibu.CandidateCount, index.Idibu.PairsHeld, index.Referrals.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            // Reading a large store into the index passes through several times the index's own size; the runtime
            // would keep that peak committed for hours (at 1M candidates about 370 MB more than is alive). One
            // aggressive collection after a build (at start-up, and when a rebuild, an erasure or a store move starts a
            // new epoch) hands it back.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Figures keep coming from the store; the next epoch or restart tries again.
            logger.LogError(ex, "The figure index could not be built; figures are read from the store");
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _lock.Dispose();
        _catchingUp.Dispose();
    }
}
