using Dashboard.Analytics;
using Dashboard.Projection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Analytics;

/// <summary>One computation per figure and change of the store, shared by every asker, never kept past a change or a failure.</summary>
public sealed class FigureCacheTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DashboardChanges _changes = new(NullLogger<DashboardChanges>.Instance);

    private FigureCache Cache(int capacity = 1_000, TimeSpan? timeout = null) =>
        new(_changes, NullLogger<FigureCache>.Instance, new FigureCacheLimits(capacity, timeout ?? TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task ManyAskingAtOnceShareOneComputation()
    {
        var cache = Cache();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;

        using var asked = new CountdownEvent(50);

        var askers = Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
        {
            var figure = cache.GetAsync("sources", new AnalyticsFilter(Source: "LinkedIn"), _ =>
            {
                Interlocked.Increment(ref computations);
                return release.Task;
            });
            asked.Signal();
            return figure;
        })).ToList();
        // Every asker has been answered with a pending figure before the computation ends, so none can find it kept.
        Assert.True(asked.Wait(Patience));
        release.SetResult(42);

        Assert.All(await Task.WhenAll(askers).WaitAsync(Patience), figure => Assert.Equal(42, figure));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task AnAskerWhoGivesUpLeavesTheComputationToFinishForTheNext()
    {
        var cache = Cache();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;
        Task<int> Compute(CancellationToken ct)
        {
            Interlocked.Increment(ref computations);
            started.TrySetResult(ct);
            return release.Task;
        }

        using var impatient = new CancellationTokenSource();
        var first = cache.GetAsync("funnel", AnalyticsFilter.None, Compute, ct: impatient.Token);
        var second = cache.GetAsync("funnel", AnalyticsFilter.None, Compute);
        var computationToken = await started.Task.WaitAsync(Patience);
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        Assert.False(computationToken.IsCancellationRequested);
        release.SetResult(7);
        Assert.Equal(7, await second.WaitAsync(Patience));
        Assert.Equal(7, await cache.GetAsync("funnel", AnalyticsFilter.None, Compute).WaitAsync(Patience));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task AChangeOfTheFiguresIsComputedAfreshAndUntilThenTheFigureIsKept()
    {
        var cache = Cache();
        var store = 1;
        var computations = 0;
        Task<int> Read(CancellationToken _)
        {
            computations++;
            return Task.FromResult(store);
        }

        Assert.Equal(1, await cache.GetAsync("quality", AnalyticsFilter.None, Read));
        Assert.Equal(1, await cache.GetAsync("quality", AnalyticsFilter.None, Read));
        store = 2;
        _changes.Publish();

        Assert.Equal(2, await cache.GetAsync("quality", AnalyticsFilter.None, Read));
        Assert.Equal(2, computations);
    }

    [Fact]
    public async Task AFigureReadWhileTheStoreChangedIsNotServedAfterTheChange()
    {
        var cache = Cache();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var during = cache.GetAsync("sources", AnalyticsFilter.None, async _ =>
        {
            reading.SetResult();
            return await release.Task;
        });
        await reading.Task.WaitAsync(Patience);
        // The store changes while the figure is being read: what it read may be from before the change.
        _changes.Publish();
        release.SetResult("read before the change");
        await during.WaitAsync(Patience);

        Assert.Equal("read after the change", await cache.GetAsync("sources", AnalyticsFilter.None, _ => Task.FromResult("read after the change")));
    }

    [Fact]
    public async Task FiltersThatAreEqualShareAFigureAndOthersDoNot()
    {
        var cache = Cache();
        var computations = 0;
        Task<string> Compute(AnalyticsFilter filter)
        {
            computations++;
            return Task.FromResult(filter.Source ?? "all");
        }

        await cache.GetAsync("sources", new AnalyticsFilter(Source: "LinkedIn"), _ => Compute(new AnalyticsFilter(Source: "LinkedIn")));
        await cache.GetAsync("sources", new AnalyticsFilter(Source: "LinkedIn"), _ => Compute(new AnalyticsFilter(Source: "LinkedIn")));
        var other = await cache.GetAsync("sources", new AnalyticsFilter(Source: "Indeed"), _ => Compute(new AnalyticsFilter(Source: "Indeed")));
        var page2 = await cache.GetAsync("candidates", (AnalyticsFilter.None, (string?)null, 2, 25), _ => Task.FromResult("page 2"));
        var page3 = await cache.GetAsync("candidates", (AnalyticsFilter.None, (string?)null, 3, 25), _ => Task.FromResult("page 3"));

        Assert.Equal(2, computations);
        Assert.Equal("Indeed", other);
        Assert.Equal(("page 2", "page 3"), (page2, page3));
    }

    [Fact]
    public async Task AFailureReachesItsAskersAndIsNotKept()
    {
        var cache = Cache();
        var attempts = 0;
        Task<int> FailingOnce(CancellationToken _) =>
            ++attempts == 1 ? Task.FromException<int>(new InvalidOperationException("the store is down")) : Task.FromResult(5);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("referrals", AnalyticsFilter.None, FailingOnce));
        Assert.Equal("the store is down", failure.Message);

        Assert.Equal(5, await cache.GetAsync("referrals", AnalyticsFilter.None, FailingOnce));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AStuckComputationIsAbandonedAtItsTimeoutAndTheNextAskerTriesAgain()
    {
        var cache = Cache(timeout: TimeSpan.FromMilliseconds(200));
        var attempts = 0;
        async Task<int> StuckOnce(CancellationToken ct)
        {
            if (Interlocked.Increment(ref attempts) == 1) await Task.Delay(Timeout.Infinite, ct);
            return 3;
        }

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync("overview", AnalyticsFilter.None, StuckOnce).WaitAsync(Patience));

        Assert.Equal(3, await cache.GetAsync("overview", AnalyticsFilter.None, StuckOnce).WaitAsync(Patience));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ItKeepsNoMoreThanItsCapacityDroppingTheLeastRecentlyUsed()
    {
        var cache = Cache(capacity: 8);
        var computations = new Dictionary<string, int>();
        Task<string> Compute(string source)
        {
            computations[source] = computations.GetValueOrDefault(source) + 1;
            return Task.FromResult(source);
        }
        Task<string> Ask(string source) => cache.GetAsync("sources", new AnalyticsFilter(Source: source), _ => Compute(source));

        await Ask("often");
        for (var i = 0; i < 30; i++)
        {
            await Ask($"source {i}");
            await Ask("often");
            Assert.InRange(cache.Weight, 1, 8);
        }

        await Ask("source 29");
        await Ask("source 0");
        Assert.Equal(1, computations["often"]);
        Assert.Equal(1, computations["source 29"]);
        Assert.Equal(2, computations["source 0"]);
    }

    [Fact]
    public async Task ABigFigureWeighsItsRows()
    {
        var cache = Cache(capacity: 100);
        await cache.GetAsync("small", AnalyticsFilter.None, _ => Task.FromResult(1));
        await cache.GetAsync("candidates", AnalyticsFilter.None, _ => Task.FromResult(Enumerable.Range(0, 60).ToList()), rows => rows.Count);
        Assert.Equal(61, cache.Weight);

        await cache.GetAsync("candidates", new AnalyticsFilter(Source: "Indeed"), _ => Task.FromResult(Enumerable.Range(0, 60).ToList()), rows => rows.Count);
        Assert.InRange(cache.Weight, 1, 75);
    }

    [Fact]
    public async Task FiguresOfAnOlderVersionAreDroppedOnceANewerOneIsAskedFor()
    {
        var cache = Cache();
        for (var i = 0; i < 20; i++) await cache.GetAsync("sources", new AnalyticsFilter(Source: $"s{i}"), _ => Task.FromResult(i));
        Assert.Equal(20, cache.Weight);

        _changes.Publish();
        await cache.GetAsync("sources", AnalyticsFilter.None, _ => Task.FromResult(-1));

        Assert.Equal(1, cache.Weight);
    }
}
