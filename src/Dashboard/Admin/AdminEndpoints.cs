using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Access.People;
using Dashboard.Access.Tokens;
using Dashboard.Admin.Audit;
using Dashboard.Admin.Privacy;
using Dashboard.Analytics.Funnel;
using Dashboard.Deliveries;
using Dashboard.Hosting;
using Dashboard.Ingestion;
using Dashboard.Messages.AgencyZone;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;

namespace Dashboard.Admin;

public static class AdminEndpoints
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<EndpointKeyAdmin>();
        builder.Services.AddSingleton<SenderChecksAdmin>();
        builder.Services.AddSingleton<SenderActivity>();
        builder.Services.AddSingleton<DeliveryReplay>();
        builder.Services.AddSingleton<ReplayPreviewer>();
        builder.Services.AddSingleton<FunnelEditor>();
        builder.Services.AddSingleton<PersonalData>();
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }

    /// <summary>The admin API: the Admin role by cookie or token; everyone else gets 403.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
        group.MapGet("/keys/{provider}", ListKeysAsync).WithSummary("A sender's endpoint keys (hints only) and its recent activity.");
        group.MapPost("/keys/{provider}", CreateKeyAsync).WithSummary("Generates a key; its text is in this answer and nowhere else.");
        group.MapPost("/keys/{provider}/rotate", RotateKeyAsync)
            .WithSummary("Generates a key; the keys live until now stop after graceHours (default 24).");
        group.MapDelete("/keys/{id}", RevokeKeyAsync).WithSummary("Revokes a key at once.");
        group.MapPost("/deliveries/{id}/replay", async (long id, ClaimsPrincipal user, DeliveryReplay replay, CancellationToken ct) =>
                await replay.ReplayAsync([id], user, ct) == 1
                    ? Results.Ok(new { replayed = 1 })
                    : Results.Problem(statusCode: 404, title: "No such delivery", detail: $"There is no delivery {id}."))
            .WithSummary("Sends one delivery through today's parser again.");
        group.MapPost("/deliveries/replay", ReplayMatchingAsync)
            .WithSummary("Replays every delivery matching the filter (provider, event, status, from, to, text; from and to are days of the agency's time zone, or of tz); dryRun=true only counts them.");
        group.MapPost("/rebuild", async (ClaimsPrincipal user, DeliveryReplay replay, CancellationToken ct) =>
            Results.Accepted("/api/admin/rebuild", await replay.StartRebuildAsync(user, ct)))
            .WithSummary("Empties the read model and projects every delivery again; ingestion goes on.");
        group.MapGet("/rebuild", async (DeliveryReplay replay, CancellationToken ct) => Results.Ok(await replay.ProgressAsync(ct)))
            .WithSummary("How far the rebuild is.");
        group.MapGet("/funnel", async (FunnelEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.LoadAsync(ct)))
            .WithSummary("The stages, and every idibu status seen with where it maps.");
        group.MapPut("/funnel", async Task<Results<NoContent, ProblemHttpResult>> (FunnelChange change, ClaimsPrincipal user, FunnelEditor editor, CancellationToken ct) =>
                await editor.SaveAsync(change, user, ct) is { } problem
                    ? TypedResults.Problem(statusCode: 400, title: "Invalid funnel", detail: problem)
                    : TypedResults.NoContent())
            .WithSummary("Saves the stages and status mappings (a null target returns a status to the label rules).");
        group.MapGet("/users", async (PeopleAdmin people, CancellationToken ct) => TypedResults.Ok(await people.ListAsync(ct)))
            .WithSummary("Everyone who can sign in, with their role.");
        group.MapPost("/users", async (NewPerson person, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                await people.CreateAsync(person.Email, person.Role, user, ct) is ({ } created, null)
                    ? Results.Ok(created)
                    : Results.Problem(statusCode: 400, title: "Not created", detail: $"{person.Email} could not be created: check the address and that it is new."))
            .WithSummary("Creates a person; the answer holds a one-time password to pass on.");
        group.MapPut("/users/{id}/role", async (string id, RoleChange change, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetRoleAsync(id, change.Role, user, ct))).WithSummary("Sets a person's role (Admin or Recruiter).");
        group.MapPost("/users/{id}/disable", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetDisabledAsync(id, true, user, ct))).WithSummary("Stops a person signing in or using tokens.");
        group.MapPost("/users/{id}/enable", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SetDisabledAsync(id, false, user, ct))).WithSummary("Lets a disabled person in again.");
        group.MapPost("/users/{id}/reset-password", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                await people.ResetPasswordAsync(id, user, ct) switch
                {
                    ({ } reset, _) => Results.Ok(reset),
                    (_, var problem) => Results.Problem(statusCode: 400, title: "Not reset", detail: problem),
                })
            .WithSummary("Sets a one-time password, to be replaced at the next sign-in, ends the person's sessions and answers it.");
        group.MapPost("/users/{id}/sign-out-everywhere", async (string id, ClaimsPrincipal user, PeopleAdmin people, CancellationToken ct) =>
                Outcome(await people.SignOutEverywhereAsync(id, user, ct))).WithSummary("Ends every sign-in session of a person.");
        group.MapGet("/senders/{provider}/security", async (string provider, SenderSecurity security, CancellationToken ct) =>
                Providers.IsKnown(provider) ? Results.Ok(await security.ViewAsync(provider, ct)) : UnknownSender(provider))
            .WithSummary("A sender's optional checks (Basic credentials, IP allow-list, HMAC secret), saying only whether secrets are set.");
        group.MapPut("/senders/{provider}/security", async (string provider, SenderSecurityChange change, ClaimsPrincipal user,
                SenderChecksAdmin checks, CancellationToken ct) =>
            {
                if (!Providers.IsKnown(provider)) return (IResult)UnknownSender(provider);
                if (await checks.SaveAsync(provider, change, user, ct) is { } problem)
                    return Results.Problem(statusCode: 400, title: "Not saved", detail: problem);
                return Results.NoContent();
            })
            .WithSummary("Sets a sender's optional checks; a null secret keeps the current one, an empty one removes it.");
        group.MapPost("/erasure", async (ErasureRequest request, ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(request.Candidate)
                    ? Results.Problem(statusCode: 400, title: "Nobody named", detail: "Give an idibu candidate id or an email.")
                    : Results.Ok(await data.EraseAsync(request.Candidate, user, ct)))
            .WithSummary("Erases one candidate everywhere (right to erasure) and reports what was removed.");
        group.MapPost("/retention", async (int days, ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
                ParameterProblem.OutsideRange("days", days, 1, 36_500) is { } problem ? problem.ToResult()
                    : Results.Ok(await data.ApplyRetentionAsync(days, user, ct)))
            .WithSummary("Redacts personal data in bodies older than the given days now; figures stay.");
        group.MapGet("/audit", async (AuditLog audit, string? action, int? take, CancellationToken ct) =>
            ParameterProblem.OutsideRange("take", take, 1, 500) is { } problem
                ? (IResult)problem.ToResult()
                : TypedResults.Ok(await audit.ListAsync(action, take ?? 100, ct))).WithSummary("The audit log, newest first.");
        return app;
    }

    public sealed record ErasureRequest(string Candidate);

    public sealed record NewPerson(string Email, string Role);

    public sealed record RoleChange(string Role);

    private static IResult Outcome(string? problem) =>
        problem is null ? Results.NoContent() : Results.Problem(statusCode: 400, title: "Not changed", detail: problem);

    /// <summary>Personal tokens: anyone signed in manages their own.</summary>
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/tokens").WithTags("Tokens").RequireAuthorization(AccessPolicies.Api).WithRequestChecks();
        group.MapGet("/", async (ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.ListAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct)));
        group.MapPost("/", async (TokenRequest request, ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
                PersonalTokens.NameProblem(request.Name) is { } problem
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] }, detail: problem)
                    : Results.Ok(await tokens.CreateAsync(user, request.Name, ct)))
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithSummary("Creates a token for the person signed in to the dashboard (not for a token); its text is in this answer only.");
        group.MapDelete("/{id}", async (int id, ClaimsPrincipal user, PersonalTokens tokens, CancellationToken ct) =>
            await tokens.RevokeAsync(user, id, ct) ? Results.NoContent() : Results.Problem(statusCode: 404, title: "No such token"));
        return app;
    }

    public sealed record TokenRequest(string Name);

    public sealed record ReplayAnswer(int Matching, int Replayed, bool DryRun, IReadOnlyList<FigureChange>? WouldChange = null);

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
        if (provider is not null && !Providers.IsKnown(provider))
            return new ParameterProblem("provider", "'provider' must be 'idibu' or 'firstbird'.").ToResult();
        if (from > to) return new ParameterProblem("from", "'from' must not be after 'to'.").ToResult();
        var ids = await log.IdsAsync(new DeliverySearch(provider, @event, wanted, from, to, text, Zone: zone), ct);
        if (dryRun == true) return TypedResults.Ok(new ReplayAnswer(ids.Count, 0, true, (await previewer.PreviewAsync(ids, ct)).Changes));
        return TypedResults.Ok(new ReplayAnswer(ids.Count, await replay.ReplayAsync(ids, user, ct), false));
    }

    public sealed record KeysAnswer(string WebhookUrl, IReadOnlyList<EndpointKeyRow> Keys, SenderActivityFigures Activity);

    public sealed record IssuedKeyAnswer(int Id, string Key, string Hint, string WebhookUrl, DateTime? OldKeysExpireAt);

    private static async Task<Results<Ok<KeysAnswer>, ProblemHttpResult>> ListKeysAsync(
        string provider, HttpRequest request, EndpointKeyAdmin keys, SenderActivity activity, CancellationToken ct) =>
        !Providers.IsKnown(provider)
            ? UnknownSender(provider)
            : TypedResults.Ok(new KeysAnswer(WebhookUrl(request, provider, "<key>"), await keys.ListAsync(provider, ct), await activity.ForAsync(provider, ct)));

    private static async Task<Results<Ok<IssuedKeyAnswer>, ProblemHttpResult>> CreateKeyAsync(
        string provider, HttpRequest request, ClaimsPrincipal user, EndpointKeyAdmin keys, CancellationToken ct) =>
        !Providers.IsKnown(provider) ? UnknownSender(provider) : TypedResults.Ok(Answer(request, await keys.CreateAsync(provider, user, ct)));

    private static async Task<Results<Ok<IssuedKeyAnswer>, ProblemHttpResult>> RotateKeyAsync(
        string provider, double? graceHours, HttpRequest request, ClaimsPrincipal user, EndpointKeyAdmin keys, CancellationToken ct)
    {
        if (!Providers.IsKnown(provider)) return UnknownSender(provider);
        if (graceHours is { } given && !(given is >= 0 and <= 24 * 30))
            return new ParameterProblem("graceHours", "'graceHours' must be between 0 and 720.").ToResult();
        var grace = graceHours is { } hours ? TimeSpan.FromHours(hours) : EndpointKeyAdmin.DefaultGrace;
        return TypedResults.Ok(Answer(request, await keys.RotateAsync(provider, grace, user, ct)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(int id, ClaimsPrincipal user, EndpointKeyAdmin keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, user, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "No such live key", detail: $"There is no live key #{id}.");

    private static IssuedKeyAnswer Answer(HttpRequest request, IssuedKey key) =>
        new(key.Id, key.Key, key.Hint, WebhookUrl(request, key.Provider, key.Key), key.OldKeysExpireAt);

    public static string WebhookUrl(HttpRequest request, string provider, string key) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/webhooks/{provider}/{key}";

    private static ProblemHttpResult UnknownSender(string provider) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown sender", detail: $"'{provider}' is neither idibu nor firstbird.");
}
