using Dashboard.Analytics.Funnel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// The one place figures come from: the dashboard pages and <c>/api/analytics/*</c> both call it, so a chart and
/// its API cannot disagree. Each call uses its own short-lived context.
/// </summary>
public sealed class AnalyticsQueryService(IDbContextFactory<DashboardDbContext> factory, FunnelDefinitionStore funnel) : IAnalyticsQueries
{
    public Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.SourcesAsync, ct);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.LocationsAsync, ct);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.ConsultantsAsync, ct);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, FunnelQueries.FunnelAsync, ct);

    public Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default) =>
        WithTargetsAsync(filter, (db, f, t, c) => OverviewQueries.OverviewAsync(db, f, previous?.Normalized(), t, c), ct);

    public Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, FunnelTimingQueries.TimingsAsync, ct);

    /// <summary>The funnel of every vacancy with applications in scope, busiest first.</summary>
    public async Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        IReadOnlyList<FilterOption> vacancies;
        await using (var db = await factory.CreateDbContextAsync(ct))
            vacancies = await FilterOptionQueries.VacanciesAsync(db, ct);
        var funnels = new List<VacancyFunnel>();
        foreach (var vacancy in vacancies)
        {
            var figures = await FunnelAsync(filter with { Vacancy = vacancy.Value }, ct);
            if (figures.Stages.Count > 0 && (figures.Stages[0].Reached > 0 || figures.Rejected > 0))
                funnels.Add(new VacancyFunnel(vacancy.Value, vacancy.Label, figures.Stages.Select(s => s.Reached).ToList(), figures.Rejected));
        }
        return funnels.OrderByDescending(f => f.Reached[0]).ToList();
    }

    public Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, TimelineQueries.CandidatesBySourceAsync, ct);

    public Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, TimelineQueries.ReferralsByTypeAsync, ct);

    public Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, TimelineQueries.QualityAsync, ct);

    public Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, ReferralQueries.ReferralsAsync, ct);

    public Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, QualityQueries.QualityAsync, ct);

    public async Task<RowPage<CandidateRow>> CandidatesAsync(
        AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await StatusTargets.LoadAsync(db, funnel, ct);
        return await DrillDownQueries.CandidatesAsync(db, filter.Normalized(), targets, reachedStage, page, pageSize, ct);
    }

    public async Task<RowPage<ReferralRow>> ReferralApplicationsAsync(
        AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReferralDrillDownQueries.ReferralsAsync(db, filter.Normalized(), selection, page, pageSize, ct);
    }

    public async Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FilterOptionQueries.OptionsAsync(db, ct);
    }

    private async Task<T> WithDbAsync<T>(
        AnalyticsFilter filter, Func<DashboardDbContext, AnalyticsFilter, CancellationToken, Task<T>> query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await query(db, filter.Normalized(), ct);
    }

    private async Task<T> WithTargetsAsync<T>(
        AnalyticsFilter filter,
        Func<DashboardDbContext, AnalyticsFilter, StatusTargets, CancellationToken, Task<T>> query,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await StatusTargets.LoadAsync(db, funnel, ct);
        return await query(db, filter.Normalized(), targets, ct);
    }
}
