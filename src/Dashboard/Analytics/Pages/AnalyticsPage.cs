using Dashboard.Projection;
using Dashboard.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Analytics.Pages;

/// <summary>
/// What every dashboard page shares: the view from the URL, loading and error states, and live refresh when the
/// projector moves the figures (at most twice a second, however busy the senders are, so a figure trails its
/// delivery by well under a second).
/// </summary>
public abstract class AnalyticsPage : ComponentBase, IDisposable
{
    private static readonly TimeSpan RefreshAtMostEvery = TimeSpan.FromMilliseconds(500);
    private IDisposable? _subscription;
    private CancellationTokenSource _loading = new();
    private int _refreshPending;
    private DateTimeOffset _lastRefresh;

    [Inject] protected IAnalyticsQueries Queries { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private DashboardChanges Changes { get; set; } = default!;
    [Inject] private ILogger<AnalyticsPage> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = "vacancy")] public string? VacancyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? SourceQuery { get; set; }
    [SupplyParameterFromQuery(Name = "consultant")] public string? ConsultantQuery { get; set; }
    [SupplyParameterFromQuery(Name = "location")] public string? LocationQuery { get; set; }

    protected DashboardView View { get; private set; } = new();
    protected AnalyticsFilter Filter { get; private set; } = AnalyticsFilter.None;
    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }
    protected DateTimeOffset? AsOf { get; private set; }

    /// <summary>Loads the page's figures for the filter. Called on every view change and live update.</summary>
    protected abstract Task LoadAsync(AnalyticsFilter filter, CancellationToken cancellationToken);

    protected override void OnInitialized() => _subscription = Changes.Subscribe(OnDataChangedAsync);

    protected override async Task OnParametersSetAsync()
    {
        View = DashboardView.FromQuery(RangeQuery, FromQuery, ToQuery, VacancyQuery, SourceQuery, ConsultantQuery, LocationQuery);
        Filter = View.ToFilter(Today);
        Loading = true;
        await RefreshAsync();
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

    protected async Task RefreshAsync()
    {
        var previous = Interlocked.Exchange(ref _loading, new CancellationTokenSource());
        await previous.CancelAsync();
        previous.Dispose();
        try
        {
            await LoadAsync(Filter, _loading.Token);
            Error = null;
            AsOf = Clock.GetUtcNow();
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "A dashboard page could not load its figures");
            Error = "The figures could not be loaded. The error has been logged; try again in a moment.";
        }
        finally
        {
            Loading = false;
        }
    }

    private async Task OnDataChangedAsync()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 1) return;
        var wait = _lastRefresh + RefreshAtMostEvery - Clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, Clock);
        Interlocked.Exchange(ref _refreshPending, 0);
        // Only live refreshes count toward the limit, so the first change after opening a page shows at once.
        _lastRefresh = Clock.GetUtcNow();
        await InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _loading.Cancel();
        _loading.Dispose();
        GC.SuppressFinalize(this);
    }
}
