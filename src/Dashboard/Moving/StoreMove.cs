using System.Globalization;
using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.Moving;

/// <summary>What a move did, and what its final check found.</summary>
public sealed record MoveReport(
    DeliveryCopyResult Deliveries, IReadOnlyDictionary<string, int> Settings, int KeysAdded, int Projected, FigureCheckResult Check);

/// <summary>
/// Copies a store into another, either way between SQLite and PostgreSQL: the target's migrations, the delivery log,
/// the settings and the key ring; then the read model is rebuilt on the target by the real projector and every
/// figure is compared. Stopped at any point, the same move run again carries on (see <see cref="DeliveryLogCopy"/>).
/// The source is only read.
/// </summary>
public sealed class StoreMove(OpenedStore source, OpenedStore target, Action<string> report, TimeProvider? clock = null)
{
    public const int DefaultChunkSize = 2_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Called after each committed chunk of deliveries; tests interrupt a move here.</summary>
    public Func<int, CancellationToken, Task>? AfterChunk { get; init; }

    public async Task<MoveReport> RunAsync(CancellationToken ct)
    {
        if (source.IsSameStoreAs(target)) throw new MoveRefusedException("The source and the target are the same store.");
        await CheckSourceAsync(ct);
        report($"moving {source.Describe()} to {target.Describe()}");

        await using (var db = await target.Factory.CreateDbContextAsync(ct))
        {
            StoreTables.Classify(db.Model);
            await MigrationHistory.EnsureTableAsync(db, ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            await db.Database.MigrateAsync(ct);
            report(pending == 0 ? "target schema up to date" : $"target schema: {pending} migration(s) applied");
        }

        // The delivery log first: it is where a target holding another store's data is refused, before any of the
        // target's settings are replaced.
        var deliveries = await new DeliveryLogCopy(source, target, ChunkSize, report, _clock) { AfterChunk = AfterChunk }.CopyAsync(ct);
        var settings = await SettingsCopy.CopyAsync(source, target, ct);
        report(string.Create(CultureInfo.InvariantCulture, $"settings: {settings.Values.Sum():N0} rows in {settings.Count} tables"));
        var keys = await KeyRingCopy.WriteAsync(target, await KeyRingCopy.ReadAsync(source, ct), ct);
        report($"key ring: {keys} key(s) added");
        await ContinueIdentitiesAsync(ct);
        var projected = await RebuildReadModelAsync(ct);

        report("comparing every figure on both stores");
        var check = await FigureCheck.CompareAsync(source, target, ct);
        return new MoveReport(deliveries, settings, keys, projected, check);
    }

    /// <summary>Refuses a source that is not there or not migrated: a typo would otherwise move an empty new store.</summary>
    private async Task CheckSourceAsync(CancellationToken ct)
    {
        if (source.SqliteFile is { } file && !File.Exists(file))
            throw new MoveRefusedException($"There is no store to move: {file} does not exist.");
        await using var db = await source.Factory.CreateDbContextAsync(ct);
        if (!await db.Database.CanConnectAsync(ct))
            throw new MoveRefusedException($"The source store ({source.Describe()}) does not answer.");
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new MoveRefusedException(
                "The source store is older than this version (migrations are pending). Start this version of the app on it once, then move it.");
    }

    /// <summary>Rows went in with their ids; PostgreSQL's identity columns must carry on after them, not restart at 1.</summary>
    private async Task ContinueIdentitiesAsync(CancellationToken ct)
    {
        if (target.PostgreSqlConnectionString is not { } connectionString) return;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var schema = new NpgsqlCommand("SELECT current_schema()", connection);
        await PostgreSqlDialect.ContinueIdentitiesAsync(connection, (string)(await schema.ExecuteScalarAsync(ct))!, ct);
    }

    /// <summary>Projects every queued delivery on the target with the app's own projector, reporting as it goes.</summary>
    private async Task<int> RebuildReadModelAsync(CancellationToken ct)
    {
        var projector = new DeliveryProjector(target.Factory, new ProjectionSignal(), new DashboardChanges(NullLogger<DashboardChanges>.Instance),
            new StoreWriteGate(), ProjectionTurns.For(target.Options), _clock, NullLogger<DeliveryProjector>.Instance);
        int waiting, total;
        await using (var db = await target.Factory.CreateDbContextAsync(ct))
        {
            waiting = await DeliveryStandings.CountWaitingAsync(db, ct);
            total = await db.Deliveries.CountAsync(d => d.Status != DeliveryStatus.Erased, ct);
        }
        var done = total - waiting;
        var projected = 0;
        var lastReport = _clock.GetTimestamp();
        report(string.Create(CultureInfo.InvariantCulture, $"read model {done:N0} / {total:N0}"));
        for (int batch; (batch = await projector.ProjectPendingAsync(ct)) > 0;)
        {
            projected += batch;
            if (_clock.GetElapsedTime(lastReport) < TimeSpan.FromSeconds(1) && projected < waiting) continue;
            report(string.Create(CultureInfo.InvariantCulture, $"read model {done + projected:N0} / {Math.Max(total, done + projected):N0}"));
            lastReport = _clock.GetTimestamp();
        }
        return projected;
    }
}
