using Dashboard.Analytics.Funnel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// The one place figures come from: the dashboard pages and <c>/api/analytics/*</c> both call it, so a chart and
/// its API cannot disagree. Each call uses its own short-lived context.
/// </summary>
public sealed class AnalyticsQueryService(IDbContextFactory<DashboardDbContext> factory, FunnelDefinitionStore funnel)
{
    public Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.SourcesAsync, ct);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.LocationsAsync, ct);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, CandidateFigureQueries.ConsultantsAsync, ct);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        WithTargetsAsync(filter, FunnelQueries.FunnelAsync, ct);

    public async Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReferralQueries.ReferralsAsync(db, filter.Normalized(), ct);
    }

    public async Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await QualityQueries.QualityAsync(db, filter.Normalized(), ct);
    }

    public async Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FilterOptionQueries.OptionsAsync(db, ct);
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
