using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Hosting;
using Dashboard.Ingestion;
using Dashboard.Senders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.SenderKeys;

/// <summary>Sender keys and sender checks: what the webhook endpoint asks of a request, and the admin API that sets it.</summary>
public static class SenderKeyEndpoints
{
    public static WebApplicationBuilder AddSenderKeys(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthFailureThrottleOptions>(builder.Configuration.GetSection(AuthFailureThrottleOptions.Section));
        builder.Services.AddSingleton<AuthFailureThrottle>();
        builder.Services.AddSingleton<SenderKeyRing>();
        builder.Services.AddSingleton<AuthFailureCounter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuthFailureCounter>());
        builder.Services.AddSingleton<SenderSecurity>();
        builder.Services.AddSingleton<SenderKeyAdmin>();
        builder.Services.AddSingleton<SenderChecksAdmin>();
        builder.Services.AddSingleton<SenderActivity>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSenderKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup();
        group.MapGet("/keys/{provider}", ListKeysAsync).WithSummary("A sender's keys (hints only) and its recent activity.");
        group.MapPost("/keys/{provider}", CreateKeyAsync).WithSummary("Generates a key; its text is in this answer and nowhere else.");
        group.MapPost("/keys/{provider}/rotate", RotateKeyAsync)
            .WithSummary("Generates a key; the keys live until now stop after graceHours (default 24).");
        group.MapDelete("/keys/{id}", RevokeKeyAsync).WithSummary("Revokes a key at once.");
        group.MapGet("/senders/{provider}/security", ViewChecksAsync)
            .WithSummary("A sender's optional checks (Basic credentials, IP allow-list, HMAC secret), saying only whether secrets are set.");
        group.MapPut("/senders/{provider}/security", SaveChecksAsync)
            .WithSummary("Sets a sender's optional checks; a null secret keeps the current one, an empty one removes it.");
        return app;
    }

    /// <summary>Stores the keys given in configuration (<c>Webhooks:{sender}:Key</c>) and loads the live ones.</summary>
    public static async Task SeedSenderKeysAsync(this WebApplication app)
    {
        var ring = app.Services.GetRequiredService<SenderKeyRing>();
        foreach (var sender in SenderRegistry.Names)
        {
            // Configuration keys match whatever the case, so Webhooks:Idibu:Key is idibu's.
            if (app.Configuration[$"{WebhookOptions.Section}:{sender}:Key"] is { Length: > 0 } key) await ring.SeedAsync(sender, key);
        }
        await ring.ReloadAsync();
    }

    public sealed record KeysAnswer(string WebhookUrl, IReadOnlyList<SenderKeyRow> Keys, SenderActivityFigures Activity);

    public sealed record IssuedKeyAnswer(int Id, string Key, string Hint, string WebhookUrl, DateTime? OldKeysExpireAt);

    private static async Task<Results<Ok<KeysAnswer>, ProblemHttpResult>> ListKeysAsync(
        string provider, HttpRequest request, SenderKeyAdmin keys, SenderActivity activity, CancellationToken ct) =>
        !SenderRegistry.IsKnown(provider)
            ? UnknownSender(provider)
            : TypedResults.Ok(new KeysAnswer(WebhookUrl(request, provider, "<key>"), await keys.ListAsync(provider, ct), await activity.ForAsync(provider, ct)));

    private static async Task<Results<Ok<IssuedKeyAnswer>, ProblemHttpResult>> CreateKeyAsync(
        string provider, HttpRequest request, ClaimsPrincipal user, SenderKeyAdmin keys, CancellationToken ct) =>
        !SenderRegistry.IsKnown(provider) ? UnknownSender(provider) : TypedResults.Ok(Answer(request, await keys.CreateAsync(provider, user, ct)));

    private static async Task<Results<Ok<IssuedKeyAnswer>, ProblemHttpResult>> RotateKeyAsync(
        string provider, double? graceHours, HttpRequest request, ClaimsPrincipal user, SenderKeyAdmin keys, CancellationToken ct)
    {
        if (!SenderRegistry.IsKnown(provider)) return UnknownSender(provider);
        if (graceHours is { } given && !(given is >= 0 and <= 24 * 30))
            return new ParameterProblem("graceHours", "'graceHours' must be between 0 and 720.").ToResult();
        var grace = graceHours is { } hours ? TimeSpan.FromHours(hours) : SenderKeyAdmin.DefaultGrace;
        return TypedResults.Ok(Answer(request, await keys.RotateAsync(provider, grace, user, ct)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(int id, ClaimsPrincipal user, SenderKeyAdmin keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, user, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "No such live key", detail: $"There is no live key #{id}.");

    private static async Task<Results<Ok<SenderSecurityView>, ProblemHttpResult>> ViewChecksAsync(
        string provider, SenderSecurity security, CancellationToken ct) =>
        SenderRegistry.IsKnown(provider) ? TypedResults.Ok(await security.ViewAsync(provider, ct)) : UnknownSender(provider);

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveChecksAsync(
        string provider, SenderSecurityChange change, ClaimsPrincipal user, SenderChecksAdmin checks, CancellationToken ct)
    {
        if (!SenderRegistry.IsKnown(provider)) return UnknownSender(provider);
        if (await checks.SaveAsync(provider, change, user, ct) is { } problem)
            return TypedResults.Problem(statusCode: 400, title: "Not saved", detail: problem);
        return TypedResults.NoContent();
    }

    private static IssuedKeyAnswer Answer(HttpRequest request, IssuedKey key) =>
        new(key.Id, key.Key, key.Hint, WebhookUrl(request, key.Provider, key.Key), key.OldKeysExpireAt);

    private static string WebhookUrl(HttpRequest request, string provider, string key) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/webhooks/{provider}/{key}";

    private static ProblemHttpResult UnknownSender(string provider) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown sender", detail: $"'{provider}' is neither idibu nor firstbird.");
}
