using System.Security.Claims;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Access.Tokens;

/// <summary>Personal tokens: anyone signed in manages their own.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/tokens").WithTags("Tokens").RequireAuthorization(AccessPolicies.Api).WithRequestChecks();
        group.MapGet("/", async Task<Ok<IReadOnlyList<TokenRow>>> (ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.ListAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct)));
        group.MapPost("/", async Task<Results<Ok<IssuedToken>, ValidationProblem>> (TokenRequest request, ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
                PersonalTokens.NameProblem(request.Name) is { } problem
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] }, detail: problem)
                    : TypedResults.Ok(await tokens.CreateAsync(user, request.Name, ct)))
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithSummary("Creates a token for the person signed in to the dashboard (not for a token); its text is in this answer only.");
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
            await tokens.RevokeAsync(user, id, ct) ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "No such token"));
        return app;
    }

    public sealed record TokenRequest(string Name);
}
