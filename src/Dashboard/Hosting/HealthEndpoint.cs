using Dashboard.Analytics.Index;
using Dashboard.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Hosting;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /health</c>: 200 once migrations are applied and the database answers, else 503. It also says where
    /// figures come from now: <c>index</c>, <c>building</c> (the store answers, more slowly, until the index is built)
    /// or <c>store</c> (the index is switched off).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<Results<Ok<HealthAnswer>, ProblemHttpResult>> (DatabaseHealth health, HttpContext http, CancellationToken ct) =>
            {
                var (healthy, detail) = await health.CheckAsync(ct);
                var figures = http.RequestServices.GetService<FigureIndexHost>() switch
                {
                    null => "store",
                    { IsBuilt: true } => "index",
                    _ => "building",
                };
                return healthy
                    ? TypedResults.Ok(new HealthAnswer("healthy", figures))
                    : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy", detail: detail);
            })
            .WithTags("Health")
            .AllowAnonymous();
        return app;
    }

    /// <summary>What a load balancer reads: healthy, and where figures come from (index, building, store).</summary>
    public sealed record HealthAnswer(string Status, string Figures);
}
