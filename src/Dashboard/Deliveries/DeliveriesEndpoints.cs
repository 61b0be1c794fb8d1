using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Hosting;
using Dashboard.Messages.AgencyZone;
using Dashboard.Senders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Deliveries;

public static class DeliveriesEndpoints
{
    public static WebApplicationBuilder AddDeliveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeliveryLogQueries>();
        builder.Services.AddSingleton<DeliveryReplay>();
        builder.Services.AddSingleton<ReplayPreviewer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        // Raw bodies hold candidates' emails and CV links: the console's data, for admins only.
        var group = app.MapGroup("/api/deliveries").WithTags("Deliveries").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
        group.MapGet("/", ListAsync).WithSummary("The delivery log, newest first, 50 a page.");
        // No route constraint on the id: an id that is no number, or too large for one, is answered 400 naming it.
        group.MapGet("/{id}", FindAsync).WithSummary("One delivery with its headers and raw body.");

        var admin = app.MapAdminGroup();
        admin.MapPost("/deliveries/{id}/replay", ReplayOneAsync).WithSummary("Sends one delivery through today's parser again.");
        admin.MapPost("/deliveries/replay", ReplayMatchingAsync)
            .WithSummary("Replays every delivery matching the filter (provider, event, status, from, to, text; from and to are days of the agency's time zone, or of tz); dryRun=true only counts them.");
        admin.MapPost("/rebuild", async Task<Accepted<RebuildProgress>> (ClaimsPrincipal user, DeliveryReplay replay, CancellationToken ct) =>
                TypedResults.Accepted("/api/admin/rebuild", await replay.StartRebuildAsync(user, ct)))
            .WithSummary("Empties the read model and projects every delivery again; ingestion goes on.");
        admin.MapGet("/rebuild", async Task<Ok<RebuildProgress>> (DeliveryReplay replay, CancellationToken ct) => TypedResults.Ok(await replay.ProgressAsync(ct)))
            .WithSummary("How far the rebuild is.");
        return app;
    }

    public sealed record ReplayedAnswer(int Replayed);

    public sealed record ReplayAnswer(int Matching, int Replayed, bool DryRun, IReadOnlyList<FigureChange>? WouldChange = null);

    private static async Task<Results<Ok<ReplayedAnswer>, ProblemHttpResult>> ReplayOneAsync(
        long id, ClaimsPrincipal user, DeliveryReplay replay, CancellationToken ct) =>
        await replay.ReplayAsync([id], user, ct) == 1
            ? TypedResults.Ok(new ReplayedAnswer(1))
            : TypedResults.Problem(statusCode: 404, title: "No such delivery", detail: $"There is no delivery {id}.");

    private static async Task<Results<Ok<ReplayAnswer>, ProblemHttpResult>> ReplayMatchingAsync(
        string? provider, string? @event, string? status, DateOnly? from, DateOnly? to, string? text, bool? dryRun, string? tz,
        ClaimsPrincipal user, DeliveryLogQueries log, DeliveryReplay replay, ReplayPreviewer previewer, IAgencyTimeZone agencyZone,
        CancellationToken ct)
    {
        var zone = string.IsNullOrWhiteSpace(tz) ? await agencyZone.CurrentAsync(ct) : ZoneIds.Find(tz, out _);
        if (zone is null)
            return new ParameterProblem("tz", "'tz' must be a time zone this server knows: an IANA id such as Europe/Berlin, America/New_York or UTC.").ToResult();
        if (!DeliveryLogQueries.TryParseStatus(status, out var wanted))
            return TypedResults.Problem(statusCode: 400, title: "Invalid filter", detail: "'status' must be one of accepted, projected, quarantined, failed, erased.");
        if (provider is not null && !SenderRegistry.IsKnown(provider))
            return new ParameterProblem("provider", "'provider' must be 'idibu' or 'firstbird'.").ToResult();
        if (from > to) return new ParameterProblem("from", "'from' must not be after 'to'.").ToResult();
        var ids = await log.IdsAsync(new DeliverySearch(provider, @event, wanted, from, to, text, Zone: zone), ct);
        if (dryRun == true) return TypedResults.Ok(new ReplayAnswer(ids.Count, 0, true, (await previewer.PreviewAsync(ids, ct)).Changes));
        return TypedResults.Ok(new ReplayAnswer(ids.Count, await replay.ReplayAsync(ids, user, ct), false));
    }

    private static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> ListAsync(
        DeliveryLogQueries queries, string? provider, string? status, int? page, CancellationToken ct)
    {
        if (provider is not null && !SenderRegistry.IsKnown(provider))
            return new ParameterProblem("provider", "'provider' must be 'idibu' or 'firstbird'.").ToResult();
        if (!DeliveryLogQueries.TryParseStatus(status, out var wanted))
            return new ParameterProblem("status", "'status' must be one of accepted, projected, quarantined, failed, erased.").ToResult();
        if (Paging.Problem(page) is { } problem) return problem.ToResult();
        return TypedResults.Ok(await queries.PageAsync(provider, wanted, page ?? 1, ct));
    }

    private static async Task<Results<Ok<DeliveryDetail>, ProblemHttpResult>> FindAsync(DeliveryLogQueries queries, long id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem(statusCode: 404, title: "No such delivery", detail: $"There is no delivery {id}.");
}
