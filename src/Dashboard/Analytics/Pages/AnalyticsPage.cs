using Dashboard.Analytics.Charts;
using Dashboard.Messages.AgencyZone;
using Dashboard.Projection;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Analytics.Pages;

/// <summary>
/// What every dashboard page shares: the view from the URL, loading and error states, and live refresh when the
/// figures change (at most twice a second, however busy the senders are, so a figure trails its delivery by well
/// under a second). A change never cancels a load in progress: it waits for it and then loads once more, however
/// many changes arrived meanwhile, so a page whose figures take longer than the interval still keeps up. Only a new
/// view cancels a load, since the user asked for something else. While its browser is away (<see cref="CircuitConnection"/>)
/// a page follows no change, and loads once when it is back.
/// </summary>
public abstract class AnalyticsPage : ComponentBase, IDisposable
{
    private static readonly TimeSpan RefreshAtMostEvery = TimeSpan.FromMilliseconds(500);

    // Cancelled, never disposed: a load still unwinding reads their tokens.
    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource _view = new();

    // Touched only on the page's dispatcher, so they need no lock.
    private Task _load = Task.CompletedTask;
    private Task _following = Task.CompletedTask;
    private bool _changedSinceLoadStarted;
    private DateTimeOffset _lastLiveLoad = DateTimeOffset.MinValue;

    private IDisposable? _subscription;
    private IAnalyticsQueries? _queries;

    [Inject] private IAnalyticsQueries AllQueries { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private DashboardChanges Changes { get; set; } = default!;
    [Inject] private CircuitConnection Connection { get; set; } = default!;
    [Inject] private IAgencyTimeZone AgencyZone { get; set; } = default!;
    [Inject] private ILogger<AnalyticsPage> Logger { get; set; } = default!;

    /// <summary>The figures, as a load of this page reads them: answers for a view it no longer shows never arrive.</summary>
    protected IAnalyticsQueries Queries => _queries ??= new ViewBoundQueries(AllQueries);

    [SupplyParameterFromQuery(Name = "range")] public string? RangeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = "vacancy")] public string? VacancyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? SourceQuery { get; set; }
    [SupplyParameterFromQuery(Name = "consultant")] public string? ConsultantQuery { get; set; }
    [SupplyParameterFromQuery(Name = "location")] public string? LocationQuery { get; set; }

    /// <summary>Shown on a wall screen: figures only, nothing to click through to.</summary>
    [CascadingParameter(Name = "Kiosk")] public bool Kiosk { get; set; }

    protected DashboardView View { get; private set; } = new();
    protected AnalyticsFilter Filter { get; private set; } = AnalyticsFilter.None;

    /// <summary>The agency's zone as of the latest load: its days are the page's days, its clock the page's clock.</summary>
    protected TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The agency's day now: what "last 7 days" or "this year" count from.</summary>
    protected DateOnly Today => ZonedTime.Today(Clock.GetUtcNow(), Zone);

    /// <summary>Another view's filter, as this page would apply it.</summary>
    protected AnalyticsFilter FilterOf(DashboardView view) => view.ToFilter(Today, Zone);
    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }
    protected DateTimeOffset? AsOf { get; private set; }

    /// <summary>Loads the page's figures for the filter. Called on every view change and live update.</summary>
    protected abstract Task LoadAsync(AnalyticsFilter filter, CancellationToken cancellationToken);

    protected override void OnInitialized() => _subscription = Changes.Subscribe(OnDataChangedAsync);

    protected override async Task OnParametersSetAsync()
    {
        View = DashboardView.FromQuery(RangeQuery, FromQuery, ToQuery, VacancyQuery, SourceQuery, ConsultantQuery, LocationQuery);
        Filter = FilterOf(View);
        var superseded = _view;
        _view = new CancellationTokenSource();
        Loading = true;
        // Started before the old load is cancelled, so whatever the cancellation sets going finds this load under way.
        var load = LoadFiguresAsync();
        await superseded.CancelAsync();
        await load;
    }

    /// <summary>Puts a new view in the URL; the page reloads its figures from there, so the link always matches.</summary>
    protected void ShowView(DashboardView view) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(view.ToQuery()));

    /// <summary>The address of another view of this page: a real link, so the keyboard reaches it and it opens in a new tab.</summary>
    protected string ViewHref(DashboardView view) => Navigation.GetUriWithQueryParameters(view.ToQuery());

    /// <summary>The CSV of exactly the figures shown: the same endpoint and filter as the JSON API.</summary>
    protected string CsvHref(string endpoint)
    {
        var query = Filter.ToQueryString();
        return $"api/analytics/{endpoint}?{query}{(query.Length > 0 ? "&" : "")}format=csv";
    }

    protected async Task SavePngAsync(ApexChart? chart, string name)
    {
        if (chart is not null) await chart.SavePngAsync($"{name}.png");
    }

    private async Task LoadFiguresAsync()
    {
        // Whatever changed before this load starts, it reads.
        _changedSinceLoadStarted = false;
        _load = LoadViewAsync(_view.Token);
        await _load;
    }

    private async Task LoadViewAsync(CancellationToken view)
    {
        try
        {
            // Each load asks for the zone again: an admin's change (one of the changes that reload pages) shows at once,
            // and a preset's days move on at the agency's midnight.
            Zone = await AgencyZone.CurrentAsync(view);
            Filter = FilterOf(View);
            await LoadAsync(Filter, view);
        }
        catch (Exception) when (view.IsCancellationRequested)
        {
            // The view changed or the page closed: what this load met no longer concerns anyone.
            return;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "A dashboard page could not load its figures");
            Error = "The figures could not be loaded. The error has been logged; try again in a moment.";
            Loading = false;
            return;
        }
        // A newer view's load says what the page shows.
        if (view.IsCancellationRequested) return;
        Error = null;
        AsOf = Clock.GetUtcNow();
        Loading = false;
    }

    // Called by DashboardChanges, off the page's dispatcher.
    private Task OnDataChangedAsync() => InvokeAsync(() =>
    {
        _changedSinceLoadStarted = true;
        if (_following.IsCompleted) _following = FollowChangesAsync();
    });

    private async Task FollowChangesAsync()
    {
        try
        {
            while (_changedSinceLoadStarted && !_closed.IsCancellationRequested)
            {
                if (!_load.IsCompleted)
                {
                    await _load;
                    continue;
                }
                if (!Connection.IsUp)
                {
                    // Nobody is looking: the changes are shown by one load when the browser is back.
                    await Connection.WhenUpAsync(_closed.Token);
                    continue;
                }
                var wait = _lastLiveLoad + RefreshAtMostEvery - Clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Clock, _closed.Token);
                    continue;
                }
                // Only live loads count toward the limit, so the first change after opening shows at once.
                _lastLiveLoad = Clock.GetUtcNow();
                await LoadFiguresAsync();
                StateHasChanged();
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "A dashboard page stopped following changes");
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _closed.Cancel();
        _view.Cancel();
        GC.SuppressFinalize(this);
    }
}
