using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Access.People;

/// <summary>Everyone who can sign in: admins create people, set roles, disable them, reset passwords and end sessions.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup();
        group.MapGet("/users", async Task<Ok<IReadOnlyList<PersonRow>>> (PeopleAdmin people, CancellationToken ct) => TypedResults.Ok(await people.ListAsync(ct)))
            .WithSummary("Everyone who can sign in, with their role.");
        group.MapPost("/users", async Task<Results<Ok<OneTimePassword>, ProblemHttpResult>> (NewPerson person, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                await people.CreateAsync(person.Email, person.Role, user, ct) is ({ } created, null)
                    ? TypedResults.Ok(created)
                    : TypedResults.Problem(statusCode: 400, title: "Not created", detail: $"{person.Email} could not be created: check the address and that it is new."))
            .WithSummary("Creates a person; the answer holds a one-time password to pass on.");
        group.MapPut("/users/{id}/role", async (string id, RoleChange change, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetRoleAsync(id, change.Role, user, ct))).WithSummary("Sets a person's role (Admin or Recruiter).");
        group.MapPost("/users/{id}/disable", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetDisabledAsync(id, true, user, ct))).WithSummary("Stops a person signing in or using tokens.");
        group.MapPost("/users/{id}/enable", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetDisabledAsync(id, false, user, ct))).WithSummary("Lets a disabled person in again.");
        group.MapPost("/users/{id}/reset-password", async Task<Results<Ok<OneTimePassword>, ProblemHttpResult>> (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                await people.ResetPasswordAsync(id, user, ct) switch
                {
                    ({ } reset, _) => TypedResults.Ok(reset),
                    (_, var problem) => TypedResults.Problem(statusCode: 400, title: "Not reset", detail: problem),
                })
            .WithSummary("Sets a one-time password, to be replaced at the next sign-in, ends the person's sessions and answers it.");
        group.MapPost("/users/{id}/sign-out-everywhere", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SignOutEverywhereAsync(id, user, ct))).WithSummary("Ends every sign-in session of a person.");
        return app;
    }

    public sealed record NewPerson(string Email, string Role);

    public sealed record RoleChange(string Role);

    private static Results<NoContent, ProblemHttpResult> Outcome(string? problem) =>
        problem is null ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 400, title: "Not changed", detail: problem);
}
