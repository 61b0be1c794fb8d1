using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// The one place figures come from: the dashboard pages and <c>/api/analytics/*</c> both call it, so a chart and
/// its API cannot disagree. Each call uses its own short-lived context. The candidate and funnel figures come from
/// the in-memory figure index when there is one (see docs/figures.md), else from the store's own queries, which
/// give the same answers more slowly.
/// </summary>
public sealed class AnalyticsQueryService(
    IDbContextFactory<DashboardDbContext> factory, FunnelDefinitionStore funnel, FigureIndexHost? index = null) : IAnalyticsQueries
{
    public Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        FromIndexOrStoreAsync(filter, IndexedCandidateFigures.Sources, CandidateFigureQueries.SourcesAsync, ct);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        FromIndexOrStoreAsync(filter, IndexedCandidateFigures.Locations, CandidateFigureQueries.LocationsAsync, ct);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        FromIndexOrStoreAsync(filter, IndexedCandidateFigures.Consultants, CandidateFigureQueries.ConsultantsAsync, ct);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        FromIndexOrStoreAsync(filter, IndexedFunnelFigures.Funnel, FunnelQueries.FunnelAsync, ct);

    public async Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        previous = previous?.Normalized();
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await StatusTargets.LoadAsync(db, funnel, ct);
        var tiles = index is null ? null : await index.ReadAsync(i =>
        {
            var mapping = i.Idibu.MappingFor(targets);
            return OverviewQueries.Tiles(
                IndexedCandidateFigures.Counts(i.Idibu, filter, mapping),
                previous is null ? null : IndexedCandidateFigures.Counts(i.Idibu, previous, mapping),
                IndexedReferralFigures.Counts(i.Referrals, filter),
                previous is null ? null : IndexedReferralFigures.Counts(i.Referrals, previous),
                IndexedCandidateFigures.ActiveVacancies(i.Idibu));
        }, ct);
        return tiles ?? await OverviewQueries.OverviewAsync(db, filter, previous, targets, ct);
    }

    public Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        FromIndexOrStoreAsync(filter, IndexedFunnelFigures.Timings, FunnelTimingQueries.TimingsAsync, ct);

    /// <summary>The funnel of every vacancy with applications in scope, busiest first.</summary>
    public async Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        if (await FromIndexAsync(filter, IndexedFunnelFigures.VacancyFunnels, ct) is { } indexed) return indexed;
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

    public async Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        await FromIndexAsync(filter, (i, f, _) => IndexedCandidateFigures.CandidatesBySource(i, f), ct)
        ?? await WithDbAsync(filter, TimelineQueries.CandidatesBySourceAsync, ct);

    public async Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        await FromReferralIndexAsync(filter, IndexedReferralFigures.ReferralsByType, ct)
        ?? await WithDbAsync(filter, TimelineQueries.ReferralsByTypeAsync, ct);

    public Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, TimelineQueries.QualityAsync, ct);

    public async Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        await FromReferralIndexAsync(filter, IndexedReferralFigures.Referrals, ct)
        ?? await WithDbAsync(filter, ReferralQueries.ReferralsAsync, ct);

    public Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithDbAsync(filter, QualityQueries.QualityAsync, ct);

    public async Task<RowPage<CandidateRow>> CandidatesAsync(
        AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await StatusTargets.LoadAsync(db, funnel, ct);
        var normalized = filter.Normalized();
        var (bounded, size) = DrillDownQueries.Bounded(page, pageSize);
        var chosen = index is null ? null : await index.ReadAsync(i => new
        {
            Listing = IndexedListings.Candidates(i.Idibu, normalized, i.Idibu.MappingFor(targets), reachedStage, bounded, size),
        }, ct);
        return chosen is null
            ? await DrillDownQueries.CandidatesAsync(db, normalized, targets, reachedStage, page, pageSize, ct)
            : await DrillDownQueries.RowsAsync(db, chosen.Listing.Page, bounded, size, chosen.Listing.Total, ct);
    }

    public async Task<RowPage<ReferralRow>> ReferralApplicationsAsync(
        AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default)
    {
        var normalized = filter.Normalized();
        var (bounded, size) = DrillDownQueries.Bounded(page, pageSize);
        var chosen = await FromReferralIndexAsync(normalized, (i, f) => new
        {
            Listing = IndexedReferralFigures.Applications(i, f, selection, bounded, size),
        }, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return chosen is null
            ? await ReferralDrillDownQueries.ReferralsAsync(db, normalized, selection, page, pageSize, ct)
            : await ReferralDrillDownQueries.RowsAsync(db, chosen.Listing.Page, bounded, size, chosen.Listing.Total, ct);
    }

    public async Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default)
    {
        if (index is not null && await index.ReadAsync(i => IndexedListings.Options(i.Idibu), ct) is { } indexed) return indexed;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FilterOptionQueries.OptionsAsync(db, ct);
    }

    private async Task<T> WithDbAsync<T>(
        AnalyticsFilter filter, Func<DashboardDbContext, AnalyticsFilter, CancellationToken, Task<T>> query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await query(db, filter.Normalized(), ct);
    }

    private async Task<T> FromIndexOrStoreAsync<T>(
        AnalyticsFilter filter,
        Func<IdibuFigureIndex, AnalyticsFilter, StatusMapping, T> fromIndex,
        Func<DashboardDbContext, AnalyticsFilter, StatusTargets, CancellationToken, Task<T>> fromStore,
        CancellationToken ct) where T : class =>
        await FromIndexAsync(filter, fromIndex, ct) ?? await WithTargetsAsync(filter, fromStore, ct);

    /// <summary>The figure from the index, with today's funnel; null when there is no index to ask.</summary>
    private async Task<T?> FromIndexAsync<T>(
        AnalyticsFilter filter, Func<IdibuFigureIndex, AnalyticsFilter, StatusMapping, T> figure, CancellationToken ct) where T : class
    {
        if (index is null) return null;
        StatusTargets targets;
        await using (var db = await factory.CreateDbContextAsync(ct)) targets = await StatusTargets.LoadAsync(db, funnel, ct);
        var normalized = filter.Normalized();
        return await index.ReadAsync(i => figure(i.Idibu, normalized, i.Idibu.MappingFor(targets)), ct);
    }

    private async Task<T?> FromReferralIndexAsync<T>(AnalyticsFilter filter, Func<ReferralFigureIndex, AnalyticsFilter, T> figure, CancellationToken ct)
        where T : class
    {
        if (index is null) return null;
        var normalized = filter.Normalized();
        return await index.ReadAsync(i => figure(i.Referrals, normalized), ct);
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
