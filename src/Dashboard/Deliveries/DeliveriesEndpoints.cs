using Dashboard.Access;
using Dashboard.Hosting;
using Dashboard.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;

namespace Dashboard.Deliveries;

public static class DeliveriesEndpoints
{
    public static WebApplicationBuilder AddDeliveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeliveryLogQueries>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        // Raw bodies hold candidates' emails and CV links: the console's data, for admins only.
        var group = app.MapGroup("/api/deliveries").WithTags("Deliveries").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
        group.MapGet("/", ListAsync).WithSummary("The delivery log, newest first, 50 a page.");
        // No route constraint on the id: an id that is no number, or too large for one, is answered 400 naming it.
        group.MapGet("/{id}", FindAsync).WithSummary("One delivery with its headers and raw body.");
        return app;
    }

    private static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> ListAsync(
        DeliveryLogQueries queries, string? provider, string? status, int? page, CancellationToken ct)
    {
        if (provider is not null && !Providers.IsKnown(provider))
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
