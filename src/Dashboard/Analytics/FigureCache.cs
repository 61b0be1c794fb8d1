using Dashboard.Projection;

namespace Dashboard.Analytics;

/// <summary>How much a <see cref="FigureCache"/> keeps, and how long one computation may take.</summary>
/// <param name="Capacity">Weight kept at most: a figure weighs about one per row it holds, so drill-down pages weigh more.</param>
/// <param name="ComputeTimeout">A computation still running after this is abandoned, so a stuck query cannot hold its key for ever.</param>
public sealed record FigureCacheLimits(int Capacity, TimeSpan ComputeTimeout)
{
    // Sized for an agency at a million candidates: the filter options alone hold every vacancy (20,000 there) and
    // the vacancy funnels one row per vacancy, and every open page asks for both. A smaller capacity evicted them
    // after each page, so every page computed and kept its own copy. A row is 100-200 bytes: at most about 50 MB.
    public static FigureCacheLimits Default { get; } = new(250_000, TimeSpan.FromMinutes(2));
}

/// <summary>
/// Every figure computed once per read-model version and shared by whoever asks: open pages, the JSON API and CSV
/// downloads. A figure is keyed by its name, its arguments (the normalized filter, a page, a stage) and the
/// <see cref="DashboardChanges.Version"/> read before it was computed; a change of the figures moves the version,
/// so nothing computed before a change is served after it. Concurrent askers of one key share one computation. A
/// computation belongs to no asker: an asker that gives up stops only its own wait, and the figure is kept for the
/// next one. Failures are not kept.
/// </summary>
public sealed class FigureCache(DashboardChanges changes, ILogger<FigureCache> logger, FigureCacheLimits? limits = null)
{
    private readonly FigureCacheLimits _limits = limits ?? FigureCacheLimits.Default;
    private readonly Lock _gate = new();
    private readonly Dictionary<FigureKey, Entry> _entries = [];
    private long _newestVersion;
    private long _uses;
    private long _weight;

    /// <summary>What the kept figures weigh together; brought back under the capacity whenever a computation settles.</summary>
    public long Weight
    {
        get
        {
            lock (_gate) return _weight;
        }
    }

    /// <summary>
    /// The figure for these arguments at the current version: kept, being computed (then shared), or computed now by
    /// <paramref name="compute"/> on the thread pool. <paramref name="arguments"/> must compare by value (a record or
    /// a tuple of them). <paramref name="weigh"/> says what the result weighs; one when not given.
    /// </summary>
    public Task<T> GetAsync<T>(
        string figure, object arguments, Func<CancellationToken, Task<T>> compute, Func<T, int>? weigh = null, CancellationToken ct = default)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        // Read before the computation reads the store: a change landing meanwhile moves the version past this one,
        // so the figure is recomputed for the next asker and never kept under a label newer than what it read.
        var version = changes.Version;
        FigureKey key;
        Entry entry;
        var start = false;
        lock (_gate)
        {
            // Another asker may have seen a newer version since: that one was current before this computation starts.
            if (version > _newestVersion) DropVersionsBefore(version);
            key = new FigureKey(figure, typeof(T), arguments, _newestVersion);
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry(new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
                _entries[key] = entry;
                _weight += entry.Weight;
                start = true;
            }
            entry.LastUse = ++_uses;
        }
        if (start) _ = ComputeAsync(key, entry, compute, weigh);
        return WaitAsync<T>(entry, ct);
    }

    private static async Task<T> WaitAsync<T>(Entry entry, CancellationToken ct) => (T)(await entry.Figure.Task.WaitAsync(ct))!;

    private async Task ComputeAsync<T>(FigureKey key, Entry entry, Func<CancellationToken, Task<T>> compute, Func<T, int>? weigh)
    {
        using var timeout = new CancellationTokenSource(_limits.ComputeTimeout);
        try
        {
            // On the thread pool, so neither a page's dispatcher nor a request's end has any hold on it.
            var figure = await Task.Run(() => compute(timeout.Token), CancellationToken.None);
            Settle(key, entry, Math.Max(1, weigh?.Invoke(figure) ?? 1));
            entry.Figure.SetResult(figure);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested)
        {
            Forget(key, entry);
            logger.LogWarning("Computing the figure {Figure} took longer than {Timeout}; it was abandoned", key.Figure, _limits.ComputeTimeout);
            entry.Figure.SetException(new TimeoutException($"The figure '{key.Figure}' took longer than {_limits.ComputeTimeout} to compute.", ex));
        }
        catch (Exception ex)
        {
            Forget(key, entry);
            logger.LogWarning(ex, "Computing the figure {Figure} failed", key.Figure);
            entry.Figure.SetException(ex);
        }
        // Every asker may have given up; the failure is logged above, so it must not surface again as unobserved.
        _ = entry.Figure.Task.Exception;
    }

    private void Settle(FigureKey key, Entry entry, int weight)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var kept) || kept != entry) return;
            _weight += weight - entry.Weight;
            entry.Weight = weight;
            entry.Settled = true;
            if (_weight > _limits.Capacity) Evict();
        }
    }

    private void Forget(FigureKey key, Entry entry)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var kept) || kept != entry) return;
            _entries.Remove(key);
            _weight -= entry.Weight;
        }
    }

    // Nobody asks for an older version again (askers read the version first, and it only grows).
    private void DropVersionsBefore(long version)
    {
        _newestVersion = version;
        foreach (var (key, entry) in _entries.Where(e => e.Key.Version < version).ToList())
        {
            _entries.Remove(key);
            _weight -= entry.Weight;
        }
    }

    // The least recently used settled figures go, down to three quarters of the capacity so that eviction is not paid
    // on every computation; figures still being computed stay, or their askers would start them again.
    private void Evict()
    {
        var target = _limits.Capacity * 3L / 4;
        foreach (var (key, entry) in _entries.Where(e => e.Value.Settled).OrderBy(e => e.Value.LastUse).ToList())
        {
            if (_weight <= target) return;
            _entries.Remove(key);
            _weight -= entry.Weight;
        }
    }

    private readonly record struct FigureKey(string Figure, Type Type, object Arguments, long Version);

    private sealed class Entry(TaskCompletionSource<object?> figure)
    {
        public TaskCompletionSource<object?> Figure { get; } = figure;
        public int Weight { get; set; } = 1;
        public bool Settled { get; set; }
        public long LastUse { get; set; }
    }
}
