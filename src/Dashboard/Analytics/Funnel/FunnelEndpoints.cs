using System.Security.Claims;
using Dashboard.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Analytics.Funnel;

/// <summary>The funnel's stages and where each idibu status maps: what admins edit on the funnel page.</summary>
public static class FunnelEndpoints
{
    public static WebApplicationBuilder AddFunnel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FunnelEditor>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFunnelApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup();
        group.MapGet("/funnel", async Task<Ok<FunnelSettingsView>> (FunnelEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.LoadAsync(ct)))
            .WithSummary("The stages, and every idibu status seen with where it maps.");
        group.MapPut("/funnel", async Task<Results<NoContent, ProblemHttpResult>> (FunnelChange change, ClaimsPrincipal user, FunnelEditor editor, CancellationToken ct) =>
                await editor.SaveAsync(change, user, ct) is { } problem
                    ? TypedResults.Problem(statusCode: 400, title: "Invalid funnel", detail: problem)
                    : TypedResults.NoContent())
            .WithSummary("Saves the stages and status mappings (a null target returns a status to the label rules).");
        return app;
    }
}
