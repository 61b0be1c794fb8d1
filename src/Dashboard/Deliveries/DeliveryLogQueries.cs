using System.Text;
using System.Text.Json;
using Dashboard.Ingestion;
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

/// <summary>Reads the delivery log for people and machines.</summary>
public sealed class DeliveryLogQueries(IDbContextFactory<DashboardDbContext> factory)
{
    public const int PageSize = 50;

    public async Task<DeliveryPage> PageAsync(string? provider, DeliveryStatus? status, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Deliveries.AsNoTracking();
        if (provider is not null) query = query.Where(d => d.Provider == provider);
        if (status is { } wanted) query = query.Where(d => d.Status == wanted);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new { d.Id, d.Provider, d.ReceivedAt, d.EventName, d.Status, d.StatusReason, d.DuplicateCount, d.BodyLength })
            .ToListAsync(ct);
        return new DeliveryPage(
            items.Select(d => new DeliverySummary(d.Id, d.Provider, d.ReceivedAt, d.EventName, StatusName(d.Status), d.StatusReason,
                d.DuplicateCount, d.BodyLength)).ToList(),
            page, PageSize, total);
    }

    public async Task<DeliveryDetail?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var d = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (d is null) return null;
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(d.HeadersJson) ?? [];
        return new DeliveryDetail(d.Id, d.Provider, d.ReceivedAt, d.SenderDeliveryId, d.EventName, StatusName(d.Status), d.StatusReason,
            d.DuplicateCount, d.LastDuplicateAt, d.ProjectedAt, d.ContentType, headers,
            Encoding.UTF8.GetString(d.Body), Convert.ToBase64String(d.Body));
    }

    public static string StatusName(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? text, out DeliveryStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Enum.TryParse<DeliveryStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        status = parsed;
        return true;
    }
}
