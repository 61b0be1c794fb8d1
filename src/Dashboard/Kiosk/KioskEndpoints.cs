using System.Globalization;
using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Kiosk;

/// <summary>A wall screen to set up: a name, its pages by name separated by commas (none: every page), seconds per page.</summary>
public sealed record NewKiosk(string Name, string? Pages, int? Seconds) : IValidatedRequest
{
    public ParameterProblem? FirstProblem() =>
        KioskScreens.NameProblem(Name) is { } name ? new ParameterProblem("name", name)
        : !KioskPlan.TryRead(Pages, null, out _, out var pages) ? new ParameterProblem("pages", pages!)
        : Seconds is { } s && s is < KioskPlan.MinSeconds or > KioskPlan.MaxSeconds
            ? new ParameterProblem("seconds", $"'seconds' must be from {KioskPlan.MinSeconds} to {KioskPlan.MaxSeconds:N0}.")
        : null;
}

public static class KioskEndpoints
{
    public static WebApplicationBuilder AddKiosks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KioskScreens>();
        return builder;
    }

    /// <summary>The wall screens page's actions for scripts: admins only, like the rest of <c>/api/admin</c>.</summary>
    public static IEndpointRouteBuilder MapKioskAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/kiosks").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
        group.MapGet("/", async (KioskScreens screens, CancellationToken ct) => TypedResults.Ok(await screens.ListAsync(ct)))
            .WithSummary("The wall screens, by token hint, with their pages and last use.");
        group.MapPost("/", async (NewKiosk kiosk, HttpRequest request, ClaimsPrincipal user, KioskScreens screens, CancellationToken ct) =>
            {
                KioskPlan.TryRead(kiosk.Pages, (kiosk.Seconds ?? KioskPlan.DefaultSeconds).ToString(CultureInfo.InvariantCulture), out var plan, out _);
                var issued = await screens.CreateAsync(user, kiosk.Name, plan, ct);
                return TypedResults.Ok(issued with { Address = $"{request.Scheme}://{request.Host}{request.PathBase}{issued.Address}" });
            })
            .WithSummary("Sets up a wall screen; its address, which holds its read-only token, is in this answer and nowhere else.");
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, KioskScreens screens,
                CancellationToken ct) =>
            await screens.RevokeAsync(user, id, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: 404, title: "No such live wall screen", detail: $"There is no live wall screen #{id}."))
            .WithSummary("Revokes a wall screen's token at once.");
        return app;
    }
}
