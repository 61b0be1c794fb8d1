using System.Text;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Senders;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Deliveries;

public sealed record DeliverySummary(
    long Id, string Provider, DateTime ReceivedAt, string? EventName, string Status, string? Reason, int DuplicateCount, int BodyLength);

public sealed record DeliveryPage(IReadOnlyList<DeliverySummary> Items, int Page, int PageSize, int Total);

public sealed record DeliveryDetail(
    long Id, string Provider, DateTime ReceivedAt, string? SenderDeliveryId, string? EventName, string Status, string? Reason,
    int DuplicateCount, DateTime? LastDuplicateAt, DateTime? ProjectedAt, string? ContentType,
    IReadOnlyDictionary<string, string> Headers, string Body, string BodyBase64);

/// <summary>What the console filters the log by; every part is optional.</summary>
/// <remarks><see cref="From"/> and <see cref="To"/> are days of <see cref="Zone"/> (the agency's; UTC when null).</remarks>
public sealed record DeliverySearch(
    string? Provider = null, string? Event = null, DeliveryStatus? Status = null, DateOnly? From = null, DateOnly? To = null,
    string? Text = null, string? Id = null, TimeZoneInfo? Zone = null);

/// <summary>What a delivery produced in the read model, so an admin can see why a figure is what it is.</summary>
public sealed record DeliveryOutcome(IReadOnlyList<string> Candidates, IReadOnlyList<string> Applications, IReadOnlyList<string> QuarantinedEvents);

/// <summary>Reads the delivery log for people and machines.</summary>
public sealed class DeliveryLogQueries(IDbContextFactory<DashboardDbContext> factory, StoreDialect dialect)
{
    public const int PageSize = 50;

    public Task<DeliveryPage> PageAsync(string? provider, DeliveryStatus? status, int page, CancellationToken ct) =>
        SearchAsync(new DeliverySearch(provider, Status: status), page, ct);

    public async Task<DeliveryPage> SearchAsync(DeliverySearch search, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        await using var db = await factory.CreateDbContextAsync(ct);
        var watermark = await DeliveryStandings.WatermarkAsync(db, ct);
        var query = Matching(db, search, watermark);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new { d.Id, d.Provider, d.ReceivedAt, d.EventName, d.Status, d.StatusReason, d.DuplicateCount, d.BodyLength })
            .ToListAsync(ct);
        return new DeliveryPage(
            items.Select(d => new DeliverySummary(d.Id, d.Provider, d.ReceivedAt, d.EventName,
                StatusName(DeliveryStandings.ShownStatus(d.Status, d.Id, watermark)), d.StatusReason,
                d.DuplicateCount, d.BodyLength)).ToList(),
            page, PageSize, total);
    }

    /// <summary>The ids a filter selects, oldest first (the order a replay goes in).</summary>
    public async Task<IReadOnlyList<long>> IdsAsync(DeliverySearch search, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Matching(db, search, await DeliveryStandings.WatermarkAsync(db, ct)).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
    }

    public async Task<DeliveryOutcome> OutcomeAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.IdibuSnapshots.AsNoTracking().Where(s => s.DeliveryId == id).Select(s => s.CandidateId).ToListAsync(ct);
        var applications = await db.FirstbirdEvents.AsNoTracking().Where(e => e.DeliveryId == id && e.ApplicationId != null)
            .Select(e => e.EventName + " " + e.ApplicationId).ToListAsync(ct);
        var quarantined = await db.QuarantinedEnvelopes.AsNoTracking().Where(q => q.DeliveryId == id).OrderBy(q => q.EnvelopeIndex)
            .Select(q => "event " + (q.EnvelopeIndex + 1) + ": " + q.Reason).ToListAsync(ct);
        return new DeliveryOutcome(candidates, applications, quarantined);
    }

    // Free text looks inside the raw body, which is stored as bytes: each database has its own way to search them.
    private IQueryable<Delivery> Matching(DashboardDbContext db, DeliverySearch search, long watermark)
    {
        var query = string.IsNullOrWhiteSpace(search.Text)
            ? db.Deliveries.AsNoTracking()
            : dialect.DeliveriesContaining(db, search.Text.Trim()).AsNoTracking();
        if (search.Provider is { } provider) query = query.Where(d => d.Provider == provider);
        if (!string.IsNullOrWhiteSpace(search.Event)) query = query.Where(d => d.EventName != null && d.EventName.Contains(search.Event));
        if (search.Status is { } status) query = DeliveryStandings.WithStatus(query, status, watermark);
        if (search.From is { } from)
        {
            var start = ZoneCalendar.StartOfDayUtc(from, search.Zone);
            query = query.Where(d => d.ReceivedAt >= start);
        }
        if (search.To is { } to)
        {
            var end = ZoneCalendar.EndOfDayUtcExclusive(to, search.Zone);
            query = query.Where(d => d.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(search.Id))
        {
            var text = search.Id.Trim();
            query = long.TryParse(text, out var number)
                ? query.Where(d => d.Id == number || d.SenderDeliveryId == text)
                : query.Where(d => d.SenderDeliveryId == text);
        }
        return query;
    }

    public async Task<DeliveryDetail?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var d = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (d is null) return null;
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(d.HeadersJson) ?? [];
        var status = DeliveryStandings.ShownStatus(d.Status, d.Id, await DeliveryStandings.WatermarkAsync(db, ct));
        var projectedAt = status == DeliveryStatus.Projected ? await DeliveryStandings.ProjectedAtAsync(db, d.Id, d.ProjectedAt, ct) : d.ProjectedAt;
        return new DeliveryDetail(d.Id, d.Provider, d.ReceivedAt, d.SenderDeliveryId, d.EventName, StatusName(status), d.StatusReason,
            d.DuplicateCount, d.LastDuplicateAt, projectedAt, d.ContentType, headers,
            Encoding.UTF8.GetString(d.Body), Convert.ToBase64String(d.Body));
    }

    public static string StatusName(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? text, out DeliveryStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Enum.TryParse<DeliveryStatus>(text, ignoreCase: true, out var parsed) || !DeliveryStandings.Shown.Contains(parsed)) return false;
        status = parsed;
        return true;
    }
}
