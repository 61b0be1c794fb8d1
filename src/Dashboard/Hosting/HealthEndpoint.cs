using Dashboard.Storage;

namespace Dashboard.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 once migrations are applied and the database answers, else 503.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (DatabaseHealth health, CancellationToken ct) =>
            {
                var (healthy, detail) = await health.CheckAsync(ct);
                return healthy
                    ? Results.Ok(new { status = "healthy" })
                    : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy", detail: detail);
            })
            .WithTags("Health")
            .AllowAnonymous();
        return app;
    }
}
