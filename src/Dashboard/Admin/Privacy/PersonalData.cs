using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Senders.Idibu;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Admin.Privacy;

public sealed record ErasureReport(int Candidates, int DeliveriesErased, int DeliveriesRedacted, int ReferralApplicants);

public sealed record RetentionReport(int DeliveriesRedacted, int CandidatesRedacted, DateTime Cutoff);

/// <summary>
/// Retention (redact raw bodies and names after <c>Privacy:RedactBodiesAfterDays</c>) and erasure of one candidate
/// everywhere, by idibu id or email. Figures survive retention; erasure also removes the candidate from them.
/// Both run between projection batches: the projector folds what it read before it writes, so a candidate erased
/// in between would otherwise be written back. Both change what figures and their lists show (an erased candidate
/// leaves them, a redacted name is no longer listed), so both announce a change.
/// </summary>
public sealed class PersonalData(
    IDbContextFactory<DashboardDbContext> factory, StoreDialect dialect, DeliveryProjector projector, ActingPerson acting, AuditLog audit,
    DashboardChanges changes, TimeProvider clock)
{
    /// <summary>Redacts now; <paramref name="actor"/> is null when the hourly schedule runs it.</summary>
    public async Task<RetentionReport> ApplyRetentionAsync(int days, ClaimsPrincipal? actor, CancellationToken ct)
    {
        if (actor is not null) await acting.EnsureAdminAsync(actor, ct);
        RetentionReport? report = null;
        await projector.RunBetweenBatchesAsync(async () => report = await ApplyRetentionNowAsync(days, actor, ct), ct);
        changes.Publish();
        return report!;
    }

    /// <summary>Removes one candidate everywhere: their rows, the deliveries about them, and their email wherever it appears.</summary>
    public async Task<ErasureReport> EraseAsync(string idOrEmail, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        ErasureReport? report = null;
        await projector.RunBetweenBatchesAsync(async () => report = await EraseNowAsync(idOrEmail, actor, ct), ct);
        changes.Publish();
        return report!;
    }

    private async Task<RetentionReport> ApplyRetentionNowAsync(int days, ClaimsPrincipal? actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-days);
        await using var db = await factory.CreateDbContextAsync(ct);
        var redacted = 0;
        while (true)
        {
            var batch = await db.Deliveries.Where(d => d.RedactedAt == null && d.ReceivedAt < cutoff).OrderBy(d => d.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var delivery in batch)
            {
                delivery.Body = BodyRedactor.Redact(delivery.Body);
                delivery.RedactedAt = now;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            redacted += batch.Count;
        }
        var candidates = await db.IdibuCandidates.Where(c => c.SnapshotAt < cutoff && c.Email != BodyRedactor.Mark)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Email, BodyRedactor.Mark).SetProperty(c => c.FirstName, (string?)null)
                .SetProperty(c => c.LastName, (string?)null), ct);
        await db.ReferralApplications.Where(a => a.ReceivedAt < cutoff).ExecuteUpdateAsync(set => set.SetProperty(a => a.ApplicantName, (string?)null), ct);
        if (redacted + candidates > 0 && actor is not null)
            await audit.RecordAsync(actor, "retention.applied", null, $"{redacted} bodies and {candidates} candidates redacted before {cutoff:u}", ct);
        return new RetentionReport(redacted, candidates, cutoff);
    }

    private async Task<ErasureReport> EraseNowAsync(string idOrEmail, ClaimsPrincipal actor, CancellationToken ct)
    {
        var key = idOrEmail.Trim();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await dialect.BeforeErasureAsync(db, ct);
        await DeliveryQualityRollup.HoldLogWritersAsync(db, ct);

        var candidateIds = await db.IdibuCandidates.Where(c => c.CandidateId == key || c.Email == key).Select(c => c.CandidateId).ToListAsync(ct);
        var aboutThem = await db.IdibuSnapshots.Where(s => candidateIds.Contains(s.CandidateId)).Select(s => s.DeliveryId).ToListAsync(ct);
        var mentioning = await dialect.DeliveriesContaining(db, key)
            .Select(d => d.Id).ToListAsync(ct);
        var idibuMentions = await db.Deliveries.Where(d => mentioning.Contains(d.Id) && d.Provider == IdibuSender.SenderName).Select(d => d.Id).ToListAsync(ct);
        var erase = aboutThem.Concat(idibuMentions).Distinct().ToList();

        foreach (var table in new Func<Task<int>>[]
        {
            () => db.IdibuStatusObservations.Where(o => candidateIds.Contains(o.CandidateId)).ExecuteDeleteAsync(ct),
            () => db.IdibuApplications.Where(a => candidateIds.Contains(a.CandidateId)).ExecuteDeleteAsync(ct),
            () => db.IdibuSnapshots.Where(s => candidateIds.Contains(s.CandidateId)).ExecuteDeleteAsync(ct),
            () => db.IdibuCandidates.Where(c => candidateIds.Contains(c.CandidateId)).ExecuteDeleteAsync(ct),
        })
        {
            await table();
        }
        await ReadModelEpoch.BeginNewAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The delivery stays as a tombstone so the log still accounts for it; a rebuild skips it.
        await db.Deliveries.Where(d => erase.Contains(d.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Body, "{\"erased\":true}"u8.ToArray())
            .SetProperty(d => d.Status, DeliveryStatus.Erased)
            .SetProperty(d => d.StatusReason, "erased on request")
            .SetProperty(d => d.RedactedAt, now), ct);

        var redacted = 0;
        foreach (var delivery in await db.Deliveries.Where(d => mentioning.Contains(d.Id) && !erase.Contains(d.Id)).ToListAsync(ct))
        {
            delivery.Body = BodyRedactor.Redact(delivery.Body);
            delivery.RedactedAt = now;
            redacted++;
        }
        var applicants = await db.ReferralApplications
            .Where(a => db.FirstbirdEvents.Any(e => e.ApplicationId == a.ApplicationId && mentioning.Contains(e.DeliveryId)))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ApplicantName, (string?)null), ct);
        await db.SaveChangesAsync(ct);
        // An erased delivery may have been quarantined, its snapshots out of order: count again rather than track each.
        await DeliveryQualityRollup.RecountAsync(db, ct);
        await transaction.CommitAsync(ct);

        var report = new ErasureReport(candidateIds.Count, erase.Count, redacted, applicants);
        await audit.RecordAsync(actor, "candidate.erased", key.Contains('@') ? "(by email)" : $"idibu candidate {key}",
            $"{report.Candidates} candidates, {report.DeliveriesErased} deliveries erased, {report.DeliveriesRedacted} redacted", ct);
        return report;
    }
}
