using System.Collections.Concurrent;
using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Pages;
using Dashboard.Projection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>
/// Live refresh on a busy store whose figures take longer to read than the refresh interval: the page keeps showing
/// newer figures, and a view the user leaves never comes back on screen.
/// </summary>
public sealed class LiveRefreshTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly DashboardChanges _changes = new(NullLogger<DashboardChanges>.Instance);
    private readonly CircuitConnection _connection = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private SlowSourceQueries Serve(TimeSpan perCall, bool honoursCancellation = true)
    {
        var queries = new SlowSourceQueries(_changes, perCall, honoursCancellation);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAnalyticsQueries>(queries);
        Services.AddSingleton(_changes);
        Services.AddSingleton(_connection);
        Services.AddSingleton<Dashboard.Messages.AgencyZone.IAgencyTimeZone>(new Dashboard.Messages.AgencyZone.FixedAgencyTimeZone(TimeZoneInfo.Utc));
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("recruiter@example.com");
        Render<MudPopoverProvider>();
        return queries;
    }

    [Fact]
    public async Task ChangesEvery100MsWithFiguresTaking800MsStillRefreshThePageAgainAndAgain()
    {
        Serve(TimeSpan.FromMilliseconds(800));
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("figures for every source", page.Markup), Patience);
        var shown = new ConcurrentDictionary<long, bool>();
        page.OnMarkupUpdated += (_, _) =>
        {
            foreach (var version in SlowSourceQueries.VersionsIn(page.Markup)) shown[version] = true;
        };

        await PublishEvery(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

        // Each finished load shows the version it read, newer than the one before.
        Assert.True(shown.Count >= 4, $"the page showed {shown.Count} versions while the store changed 50 times in 5 s");
        // The changes that arrived during the last load are shown by one more load after it.
        page.WaitForAssertion(() => Assert.Contains($"version {_changes.Version}<", page.Markup), Patience);
    }

    [Fact]
    public async Task ABurstOfChangesDuringALoadIsShownByOneMoreLoadNotOneEach()
    {
        var queries = Serve(TimeSpan.FromMilliseconds(300));
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("figures for every source", page.Markup), Patience);
        var before = queries.Calls;

        // The first change starts a load at once; the other 49 arrive while it runs, so they are shown by one load
        // after it, whatever the timing.
        _changes.Publish();
        await queries.WaitForCallInProgress(Patience);
        for (var i = 0; i < 49; i++) _changes.Publish();

        page.WaitForAssertion(() => Assert.Contains($"version {_changes.Version}<", page.Markup), Patience);
        Assert.Equal(2, queries.Calls - before);
        // One change more is then shown by the very next load: had the burst left loads queued, they would come first.
        _changes.Publish();
        page.WaitForAssertion(() => Assert.Contains($"version {_changes.Version}<", page.Markup), Patience);
        Assert.Equal(3, queries.Calls - before);
    }

    [Fact]
    public async Task AViewChangedDuringASlowLoadShowsTheNewViewAndNeverTheOldOneAgain()
    {
        var queries = Serve(TimeSpan.FromMilliseconds(800), honoursCancellation: false);
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("figures for every source", page.Markup), Patience);
        var publishing = PublishEvery(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
        await queries.WaitForCallInProgress(Patience);

        var viewChanged = false;
        var oldViewShown = 0;
        page.OnMarkupUpdated += (_, _) =>
        {
            if (Volatile.Read(ref viewChanged) && page.Markup.Contains("figures for every source", StringComparison.Ordinal))
                Interlocked.Increment(ref oldViewShown);
        };
        // As the filter bar does it: the view lives in the URL.
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("source", "Indeed"));
        Volatile.Write(ref viewChanged, true);
        await publishing;

        page.WaitForAssertion(() => Assert.Contains("figures for Indeed", page.Markup), Patience);
        // The old view's loads finish regardless of their cancellation; once they all have, one change more is shown
        // after anything they could have shown, and none of what they read reached the page.
        await queries.WaitForNoCallInProgress(Patience);
        _changes.Publish();
        page.WaitForAssertion(() => Assert.Contains($"figures for Indeed, version {_changes.Version}<", page.Markup), Patience);
        Assert.DoesNotContain("figures for every source", page.Markup);
        Assert.Equal(0, oldViewShown);
        Assert.True(queries.FinishedAfterCancellation > 0, "no load of the old view outlived its cancellation, so nothing was proven");
    }

    [Fact]
    public async Task APageWhoseBrowserIsAwayFollowsNoChangeAndLoadsOnceWhenItIsBack()
    {
        var queries = Serve(TimeSpan.FromMilliseconds(50));
        var page = Render<SourcesPage>();
        page.WaitForAssertion(() => Assert.Contains("figures for every source", page.Markup), Patience);
        var before = queries.Calls;
        var shownBefore = SlowSourceQueries.VersionsIn(page.Markup).Max();

        _connection.Lost();
        // The first of these changes had well over a second to start a load, had the page followed it.
        await PublishEvery(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1.5));
        Assert.Equal(before, queries.Calls);
        Assert.Equal(shownBefore, SlowSourceQueries.VersionsIn(page.Markup).Max());

        _connection.Restored();
        page.WaitForAssertion(() => Assert.Contains($"version {_changes.Version}<", page.Markup), Patience);
        // Back, it loaded once for all it missed: one change more is shown by the very next load.
        _changes.Publish();
        page.WaitForAssertion(() => Assert.Contains($"version {_changes.Version}<", page.Markup), Patience);
        Assert.Equal(before + 2, queries.Calls);
    }

    private async Task PublishEvery(TimeSpan interval, TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < until)
        {
            _changes.Publish();
            await Task.Delay(interval);
        }
    }

    /// <summary>
    /// Sources that take a while, cancelled as a database query is, or finishing regardless as a query past the point
    /// of no return does. Each answer names its filter and the store version it read, as the table shows them.
    /// </summary>
    private sealed class SlowSourceQueries(DashboardChanges changes, TimeSpan perCall, bool honoursCancellation) : FakeAnalyticsQueries(FakeAnswer.Data)
    {
        private int _calls;
        private int _inProgress;
        private int _finishedAfterCancellation;

        public int Calls => Volatile.Read(ref _calls);
        public int FinishedAfterCancellation => Volatile.Read(ref _finishedAfterCancellation);

        public static IEnumerable<long> VersionsIn(string markup) =>
            System.Text.RegularExpressions.Regex.Matches(markup, @"version (\d+)<").Select(m => long.Parse(m.Groups[1].Value));

        public async Task WaitForCallInProgress(TimeSpan patience)
        {
            var until = DateTime.UtcNow + patience;
            while (Volatile.Read(ref _inProgress) == 0 && DateTime.UtcNow < until) await Task.Delay(10);
        }

        public async Task WaitForNoCallInProgress(TimeSpan patience)
        {
            var until = DateTime.UtcNow + patience;
            while (Volatile.Read(ref _inProgress) != 0 && DateTime.UtcNow < until) await Task.Delay(10);
        }

        public override async Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Increment(ref _inProgress);
            var version = changes.Version;
            try
            {
                await Task.Delay(perCall, honoursCancellation ? ct : CancellationToken.None);
            }
            finally
            {
                Interlocked.Decrement(ref _inProgress);
            }
            if (ct.IsCancellationRequested) Interlocked.Increment(ref _finishedAfterCancellation);
            return [new SourceFigure($"figures for {filter.Source ?? "every source"}, version {version}", 10, 1)];
        }
    }
}
