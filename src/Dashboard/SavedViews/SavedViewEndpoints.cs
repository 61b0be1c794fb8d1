using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.SavedViews;

/// <summary>A view to save: a dashboard page's path, its filters as a URL query, a name, and whether everyone sees it.</summary>
public sealed record NewSavedView(string Name, string Page, string? Query, bool Shared) : IValidatedRequest
{
    public ParameterProblem? FirstProblem() =>
        SavedViewLibrary.NameProblem(Name) is { } name ? new ParameterProblem("name", name)
        : SavedViewAddress.TryRead(Page, Query, out _, out var problem) ? null
        : problem;
}

/// <summary>A new name, a new sharing, or both; what is left out stays as it is.</summary>
public sealed record SavedViewChange(string? Name, bool? Shared) : IValidatedRequest
{
    public ParameterProblem? FirstProblem() =>
        Name is null && Shared is null ? new ParameterProblem("body", "Send a new 'name', 'shared', or both.")
        : Name is not null && SavedViewLibrary.NameProblem(Name) is { } name ? new ParameterProblem("name", name)
        : null;
}

public static class SavedViewEndpoints
{
    public static WebApplicationBuilder AddSavedViews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SavedViewChanges>();
        builder.Services.AddSingleton<SavedViewLibrary>();
        return builder;
    }

    /// <summary>
    /// The same actions as the pages, for scripts and for anyone who would rather: anyone signed in (by cookie or
    /// personal token) lists, saves and changes views, with the same rights as on the pages.
    /// </summary>
    public static IEndpointRouteBuilder MapSavedViewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/views").WithTags("Saved views").RequireAuthorization(AccessPolicies.Api).WithRequestChecks();
        group.MapGet("/", async (ClaimsPrincipal user, SavedViewLibrary views, CancellationToken ct) => TypedResults.Ok(await views.ListAsync(user, ct)))
            .WithSummary("Your saved views and everyone's shared ones, with the link each opens.");
        group.MapPost("/", SaveAsync).WithSummary("Saves a dashboard page's view ('page' such as /sources, 'query' its filters) under a name.");
        group.MapPut("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (int id, SavedViewChange change, ClaimsPrincipal user,
                SavedViewLibrary views, CancellationToken ct) =>
            {
                var problem = change.Name is { } name ? await views.RenameAsync(user, id, name, ct) : null;
                if (problem is null && change.Shared is { } shared) problem = await views.ShareAsync(user, id, shared, ct);
                return Outcome(problem);
            })
            .WithSummary("Renames a view or changes who sees it: its owner, or an admin for a shared view.");
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, SavedViewLibrary views,
                CancellationToken ct) => Outcome(await views.DeleteAsync(user, id, ct)))
            .WithSummary("Deletes a view: its owner, or an admin for a shared view.");
        return app;
    }

    private static async Task<Results<Created<SavedViewRow>, ProblemHttpResult>> SaveAsync(
        NewSavedView view, ClaimsPrincipal user, SavedViewLibrary views, CancellationToken ct)
    {
        if (!SavedViewAddress.TryRead(view.Page, view.Query, out var address, out var problem)) return problem!.ToResult();
        var (saved, refusal) = await views.SaveAsync(user, view.Name, address!, view.Shared, ct);
        return saved is null
            ? TypedResults.Problem(statusCode: 409, title: "Not saved", detail: refusal)
            : TypedResults.Created($"/api/views/{saved.Id}", saved);
    }

    private static Results<NoContent, ProblemHttpResult> Outcome(string? problem) => problem switch
    {
        null => TypedResults.NoContent(),
        SavedViewLibrary.NoSuchView => TypedResults.Problem(statusCode: 404, title: "No such view", detail: problem),
        _ => new ParameterProblem("name", problem).ToResult(),
    };
}
