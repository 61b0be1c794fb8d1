using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Hosting;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Funnel;

/// <summary>A status as the editor shows it: what it maps to now, whether someone chose that, and how many pairs hold it.</summary>
public sealed record StatusMappingRow(string StatusKey, string Type, string Id, string? Label, string? Target, bool Explicit, int Pairs);

public sealed record FunnelSettingsView(IReadOnlyList<string> Stages, IReadOnlyList<StatusMappingRow> Statuses);

/// <summary>The funnel as admins shape it: the ordered stages, and where each status seen so far goes.</summary>
public sealed record FunnelChange(IReadOnlyList<string> Stages, IReadOnlyDictionary<string, string?> Mappings) : IValidatedRequest
{
    // JSON may leave either list out or send null for it, or for a stage, though the types say otherwise.
    public ParameterProblem? FirstProblem() =>
        Stages is null ? new ParameterProblem("stages", "'stages' is required: the funnel's stages in order.")
        : Stages.Any(s => s is null) ? new ParameterProblem("stages", "'stages' must not hold null.")
        : Mappings is null ? new ParameterProblem("mappings", "'mappings' is required: an object of status key to stage (or null); it may be empty.")
        : null;
}

/// <summary>
/// Reads and saves the funnel. A save changes every figure at once (the mapping is applied at query time, history
/// included) and is written to the audit log. A status nobody mapped and no label rule places is "unmapped".
/// </summary>
public sealed class FunnelEditor(
    IDbContextFactory<DashboardDbContext> factory, FunnelDefinitionStore store, ActingPerson acting, AuditLog audit, DashboardChanges changes,
    TimeProvider clock)
{
    public async Task<FunnelSettingsView> LoadAsync(CancellationToken ct)
    {
        var funnel = await store.LoadAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var explicitKeys = await db.StatusStageMappings.AsNoTracking().Select(m => m.StatusKey).ToListAsync(ct);
        var pairs = await db.IdibuApplications.AsNoTracking().Where(a => a.CurrentStatusKey != null)
            .GroupBy(a => a.CurrentStatusKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var statuses = await db.IdibuStatuses.AsNoTracking().OrderBy(s => s.StatusType).ThenBy(s => s.StatusId).ToListAsync(ct);
        return new FunnelSettingsView(funnel.Stages, statuses.Select(s => new StatusMappingRow(
            s.StatusKey, s.StatusType, s.StatusId, s.Label, funnel.TargetOf(s.StatusKey, s.Label), explicitKeys.Contains(s.StatusKey),
            pairs.GetValueOrDefault(s.StatusKey))).ToList());
    }

    /// <summary>Saves stages (in order) and explicit mappings; a null target returns a status to the label rules.</summary>
    public async Task<string?> SaveAsync(FunnelChange change, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        var stages = change.Stages.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (stages.Count == 0) return "The funnel needs at least one stage.";
        if (stages.Distinct(StringComparer.OrdinalIgnoreCase).Count() != stages.Count) return "Two stages have the same name.";
        if (stages.Any(s => s is FunnelDefinition.Rejected or FunnelDefinition.Ignored)) return "'Rejected' and 'None' are not stage names.";
        var bad = change.Mappings.Values.FirstOrDefault(t => t is not null && t != FunnelDefinition.Rejected && t != FunnelDefinition.Ignored && !stages.Contains(t));
        if (bad is not null) return $"'{bad}' is not one of the stages.";

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.FunnelStages.ExecuteDeleteAsync(ct);
        db.FunnelStages.AddRange(stages.Select((name, i) => new FunnelStage { Name = name, Position = i }));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, target) in change.Mappings)
        {
            var row = await db.StatusStageMappings.FindAsync([key], ct);
            if (target is null)
            {
                if (row is not null) db.StatusStageMappings.Remove(row);
            }
            else if (row is null) db.StatusStageMappings.Add(new StatusStageMapping { StatusKey = key, Target = target, ChangedAt = now });
            else if (row.Target != target)
            {
                row.Target = target;
                row.ChangedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish();
        var mapped = string.Join(", ", change.Mappings.Select(m => $"{m.Key}→{m.Value ?? "rules"}"));
        await audit.RecordAsync(actor, "funnel.changed", null, Clip($"stages: {string.Join(" > ", stages)}; {mapped}"), ct);
        return null;
    }

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
