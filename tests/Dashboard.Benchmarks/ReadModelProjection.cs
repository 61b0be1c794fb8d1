using System.Diagnostics;
using Dashboard.Deliveries;
using Dashboard.Projection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>Runs the app's projector over every waiting delivery and reports how fast it went.</summary>
public static class ReadModelProjection
{
    public static async Task ProjectAndReportAsync(BenchStore store)
    {
        int waiting;
        await using (var db = await store.Factory.CreateDbContextAsync())
            waiting = await DeliveryStandings.CountWaitingAsync(db, CancellationToken.None);
        Console.WriteLine($"projecting {waiting:N0} deliveries");

        var projector = store.NewProjector();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var projected = 0;
        int handled;
        while ((handled = await projector.ProjectPendingAsync(CancellationToken.None)) > 0)
        {
            projected += handled;
            if (clock.Elapsed - lastReport < TimeSpan.FromSeconds(10)) continue;
            lastReport = clock.Elapsed;
            Console.WriteLine($"  {projected:N0}/{waiting:N0} projected, {projected / clock.Elapsed.TotalSeconds:N0} deliveries/s");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"projection: {projected:N0} deliveries in {seconds:F1} s = {projected / seconds:N0} deliveries/s");
        await ReportShapeAsync(store);
    }

    public static async Task ReportShapeAsync(BenchStore store)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        Console.WriteLine(
            $"read model: {await db.IdibuCandidates.CountAsync():N0} candidates, {await db.IdibuApplications.CountAsync():N0} pairs, " +
            $"{await db.IdibuStatusObservations.CountAsync():N0} status observations, {await db.IdibuSnapshots.CountAsync():N0} snapshots, " +
            $"{await db.FirstbirdEvents.CountAsync():N0} firstbird events, {await db.ReferralApplications.CountAsync():N0} referral applications");
        foreach (var (status, count) in await DeliveryStandings.CountsAsync(db, CancellationToken.None))
            Console.WriteLine($"  deliveries {status}: {count:N0}");
    }

    /// <summary>Empties the read model and queues every delivery again, as the admin "rebuild" does.</summary>
    public static async Task ResetAsync(BenchStore store)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await DeliveryReplay.EmptyReadModelAndQueueAllAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
