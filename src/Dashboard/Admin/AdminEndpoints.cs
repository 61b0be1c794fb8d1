using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Admin.Audit;
using Dashboard.Admin.Keys;
using Dashboard.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Admin;

public static class AdminEndpoints
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<EndpointKeyAdmin>();
        builder.Services.AddSingleton<SenderActivity>();
        return builder;
    }

    /// <summary>The admin API: the Admin role by cookie or token; everyone else gets 403.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/keys/{provider}", ListKeysAsync).WithSummary("A sender's endpoint keys (hints only) and its recent activity.");
        group.MapPost("/keys/{provider}", CreateKeyAsync).WithSummary("Generates a key; its text is in this answer and nowhere else.");
        group.MapPost("/keys/{provider}/rotate", RotateKeyAsync)
            .WithSummary("Generates a key; the keys live until now stop after graceHours (default 24).");
        group.MapDelete("/keys/{id:int}", RevokeKeyAsync).WithSummary("Revokes a key at once.");
        group.MapGet("/audit", async (AuditLog audit, string? action, int? take, CancellationToken ct) =>
            TypedResults.Ok(await audit.ListAsync(action, take ?? 100, ct))).WithSummary("The audit log, newest first.");
        return app;
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
        if (graceHours is < 0 or > 24 * 30)
            return TypedResults.Problem(statusCode: 400, title: "Invalid grace period", detail: "graceHours must be between 0 and 720.");
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
