using System.Reflection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Moving;

/// <summary>
/// Copies every settings table (<see cref="StoreTables.Settings"/>) through EF, each row with its own key, so the
/// moved installation has the same keys, people, tokens, funnel and audit log. The target's settings are replaced
/// in one transaction: a second run copies them again (and picks up what changed on the source in between), and an
/// interrupted run leaves the target's settings as they were.
/// </summary>
public static class SettingsCopy
{
    private const int BatchSize = 1_000;

    private static readonly MethodInfo DeleteMethod = typeof(SettingsCopy).GetMethod(nameof(DeleteAllAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CopyMethod = typeof(SettingsCopy).GetMethod(nameof(CopyAllAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Returns the rows copied per table.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CopyAsync(OpenedStore source, OpenedStore target, CancellationToken ct)
    {
        await using var from = await source.Factory.CreateDbContextAsync(ct);
        await using var to = await target.Factory.CreateDbContextAsync(ct);
        to.ChangeTracker.AutoDetectChangesEnabled = false;
        var tables = StoreTables.SettingsInInsertOrder(to.Model);
        var copied = new Dictionary<string, int>();

        await using var transaction = await to.Database.BeginTransactionAsync(ct);
        // Children first, so no foreign key is left pointing at a deleted row.
        foreach (var table in tables.Reverse()) await Invoke(DeleteMethod, table, [to, ct]);
        foreach (var table in tables)
            copied[table.GetTableName() ?? table.Name] = await Invoke(CopyMethod, table, [from, to, ct]);
        await transaction.CommitAsync(ct);
        return copied;
    }

    private static Task<int> Invoke(MethodInfo method, IEntityType table, object[] arguments) =>
        (Task<int>)method.MakeGenericMethod(table.ClrType).Invoke(null, arguments)!;

    private static Task<int> DeleteAllAsync<T>(DashboardDbContext db, CancellationToken ct) where T : class =>
        db.Set<T>().ExecuteDeleteAsync(ct);

    private static async Task<int> CopyAllAsync<T>(DashboardDbContext from, DashboardDbContext to, CancellationToken ct) where T : class
    {
        var count = 0;
        var batch = new List<T>(BatchSize);
        // Rows keep their keys (generated ids included): tokens, audit entries and role links refer to them.
        await foreach (var row in from.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == BatchSize) count += await SaveAsync(to, batch, ct);
        }
        return count + await SaveAsync(to, batch, ct);
    }

    private static async Task<int> SaveAsync<T>(DashboardDbContext to, List<T> batch, CancellationToken ct) where T : class
    {
        if (batch.Count == 0) return 0;
        to.Set<T>().AddRange(batch);
        await to.SaveChangesAsync(ct);
        to.ChangeTracker.Clear();
        var saved = batch.Count;
        batch.Clear();
        return saved;
    }
}
