namespace Dashboard.Analytics;

/// <summary>
/// The figures as pages, the JSON API and CSV downloads read them: through one <see cref="FigureCache"/>, so each is
/// computed once per change of the store however many ask, and a chart and its API answer from the same computation.
/// Figures of a store copy (a dry run, a store move) are read from an <see cref="AnalyticsQueryService"/> directly.
/// </summary>
public sealed class CachedAnalyticsQueries(AnalyticsQueryService figures, FigureCache cache) : IAnalyticsQueries
{
    // Filter options take no arguments; they still need a key that compares by value.
    private const string AllOptions = "all";

    public Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("sources", filter, figures.SourcesAsync, Rows, ct);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("locations", filter, figures.LocationsAsync, Rows, ct);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("consultants", filter, figures.ConsultantsAsync, Rows, ct);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("funnel", filter, figures.FunnelAsync, r => r.Stages.Count, ct);

    public Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default)
    {
        var (f, p) = (filter.Normalized(), previous?.Normalized());
        return cache.GetAsync("overview", (f, p), c => figures.OverviewAsync(f, p, c), ct: ct);
    }

    public Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("funnel-timings", filter, figures.FunnelTimingsAsync, r => r.Stages.Count, ct);

    public Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("vacancy-funnels", filter, figures.VacancyFunnelsAsync, Rows, ct);

    public Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("candidates-over-time", filter, figures.CandidatesOverTimeAsync, Cells, ct);

    public Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("referrals-over-time", filter, figures.ReferralsOverTimeAsync, Cells, ct);

    public Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("quality-over-time", filter, figures.QualityOverTimeAsync, Cells, ct);

    public Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("referrals", filter, figures.ReferralsAsync, null, ct);

    public Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Cached("quality", filter, figures.QualityAsync, null, ct);

    public Task<RowPage<CandidateRow>> CandidatesAsync(
        AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default)
    {
        var f = filter.Normalized();
        return cache.GetAsync("candidates", (f, reachedStage, page, pageSize),
            c => figures.CandidatesAsync(f, reachedStage, page, pageSize, c), r => r.Items.Count, ct);
    }

    public Task<RowPage<ReferralRow>> ReferralApplicationsAsync(
        AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default)
    {
        var f = filter.Normalized();
        return cache.GetAsync("referral-applications", (f, selection, page, pageSize),
            c => figures.ReferralApplicationsAsync(f, selection, page, pageSize, c), r => r.Items.Count, ct);
    }

    public Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default) =>
        cache.GetAsync("filter-options", AllOptions, figures.FilterOptionsAsync,
            o => o.Vacancies.Count + o.Sources.Count + o.Consultants.Count + o.Locations.Count, ct);

    // The key holds the filter as the queries apply it, so "LinkedIn " and "LinkedIn" share one figure.
    private Task<T> Cached<T>(
        string figure, AnalyticsFilter filter, Func<AnalyticsFilter, CancellationToken, Task<T>> query, Func<T, int>? weigh,
        CancellationToken ct)
    {
        var normalized = filter.Normalized();
        return cache.GetAsync(figure, normalized, c => query(normalized, c), weigh, ct);
    }

    private static int Rows<TRow>(IReadOnlyList<TRow> rows) => rows.Count;

    // Eight weeks of one series weigh about as much as one row of a table.
    private static int Cells(TimeSeries series) => series.Series.Count * Math.Max(1, series.Periods.Count) / 8;
}
