namespace Dashboard.Analytics.Pages;

/// <summary>
/// The queries as a page's load sees them. An answer that arrives after its load was cancelled (the view changed or
/// the page closed) is dropped as a cancellation, so a page never takes in figures of a view it no longer shows, even
/// from a query that finished regardless of its token.
/// </summary>
internal sealed class ViewBoundQueries(IAnalyticsQueries queries) : IAnalyticsQueries
{
    public Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.SourcesAsync(filter, ct), ct);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.LocationsAsync(filter, ct), ct);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.ConsultantsAsync(filter, ct), ct);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.FunnelAsync(filter, ct), ct);

    public Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default) =>
        Current(queries.OverviewAsync(filter, previous, ct), ct);

    public Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.FunnelTimingsAsync(filter, ct), ct);

    public Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.VacancyFunnelsAsync(filter, ct), ct);

    public Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.CandidatesOverTimeAsync(filter, ct), ct);

    public Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.ReferralsOverTimeAsync(filter, ct), ct);

    public Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.QualityOverTimeAsync(filter, ct), ct);

    public Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.ReferralsAsync(filter, ct), ct);

    public Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Current(queries.QualityAsync(filter, ct), ct);

    public Task<RowPage<CandidateRow>> CandidatesAsync(
        AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default) =>
        Current(queries.CandidatesAsync(filter, reachedStage, page, pageSize, ct), ct);

    public Task<RowPage<ReferralRow>> ReferralApplicationsAsync(
        AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default) =>
        Current(queries.ReferralApplicationsAsync(filter, selection, page, pageSize, ct), ct);

    public Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default) => Current(queries.FilterOptionsAsync(ct), ct);

    // Checked when the answer is handed over, on the page's dispatcher, where the page assigns it straight after: a
    // view change cannot fall between this check and the assignment.
    private static async Task<T> Current<T>(Task<T> answer, CancellationToken ct)
    {
        var figures = await answer.WaitAsync(ct);
        ct.ThrowIfCancellationRequested();
        return figures;
    }
}
