using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Deliveries;

public sealed record FigureChange(string Figure, string Before, string After);

public sealed record ReplayPreview(int Deliveries, IReadOnlyList<FigureChange> Changes);

/// <summary>
/// A replay's dry run: the store is copied (see <see cref="StoreDialect.CopyAsync"/>), the deliveries are replayed and
/// projected in the copy with today's parser and funnel, and every figure is compared with the live one. The live
/// store is untouched.
/// </summary>
public sealed class ReplayPreviewer(StoreDialect dialect, IAnalyticsQueries live, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<ReplayPreview> PreviewAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        await using var scratch = await dialect.CopyAsync(ct);
        var copy = scratch.Factory;
        int queued;
        await using (var db = await copy.CreateDbContextAsync(ct)) queued = await DeliveryReplay.QueueAgainAsync(db, ids, ct);
        var projector = new DeliveryProjector(copy, new ProjectionSignal(), new DashboardChanges(NullLogger<DashboardChanges>.Instance),
            new StoreWriteGate(), new LocalProjectionTurns(), clock, NullLogger<DeliveryProjector>.Instance);
        await projector.ProjectAllPendingAsync(ct);

        var before = await FiguresAsync(live, ct);
        var after = await FiguresAsync(new AnalyticsQueryService(copy, new FunnelDefinitionStore(copy)), ct);
        var changes = before.Keys.Where(k => before[k] != after[k]).Select(k => new FigureChange(k, before[k], after[k])).ToList();
        return new ReplayPreview(queued, changes);
    }

    private static async Task<Dictionary<string, string>> FiguresAsync(IAnalyticsQueries q, CancellationToken ct) => new()
    {
        ["sources"] = JsonSerializer.Serialize(await q.SourcesAsync(AnalyticsFilter.None, ct), Web),
        ["locations"] = JsonSerializer.Serialize(await q.LocationsAsync(AnalyticsFilter.None, ct), Web),
        ["consultants"] = JsonSerializer.Serialize(await q.ConsultantsAsync(AnalyticsFilter.None, ct), Web),
        ["funnel"] = JsonSerializer.Serialize(await q.FunnelAsync(AnalyticsFilter.None, ct), Web),
        ["referrals"] = JsonSerializer.Serialize(await q.ReferralsAsync(AnalyticsFilter.None, ct), Web),
    };
}
