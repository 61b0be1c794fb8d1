namespace Dashboard.Analytics;

/// <summary>Every figure the dashboard shows and the API answers; pages depend on this so their states can be tested.</summary>
public interface IAnalyticsQueries
{
    Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default);

    Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default);

    Task<RowPage<CandidateRow>> CandidatesAsync(AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default);

    Task<RowPage<ReferralRow>> ReferralApplicationsAsync(AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default);

    Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default);
}
