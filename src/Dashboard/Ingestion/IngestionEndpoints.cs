using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;

namespace Dashboard.Ingestion;

public static class IngestionEndpoints
{
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.Configure<AuthFailureThrottleOptions>(builder.Configuration.GetSection(AuthFailureThrottleOptions.Section));
        builder.Services.AddSingleton<AuthFailureThrottle>();
        builder.Services.AddSingleton<EndpointKeyRing>();
        builder.Services.AddSingleton<AuthFailureCounter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuthFailureCounter>());
        builder.Services.AddSingleton<DeliveryLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryLogWriter>());
        builder.Services.AddSingleton<SenderSecurity>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<RefusalLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").DisableAntiforgery();
        group.MapPost("/idibu/{key}", (string key, HttpContext context, WebhookIntake intake, CancellationToken ct) =>
                intake.ReceiveAsync(Providers.Idibu, key, context, ct))
            .WithName("ReceiveIdibu")
            .WithSummary("Receives one idibu delivery (candidate or vacancy).");
        group.MapPost("/firstbird/{key}", (string key, HttpContext context, WebhookIntake intake, CancellationToken ct) =>
                intake.ReceiveAsync(Providers.Firstbird, key, context, ct))
            .WithName("ReceiveFirstbird")
            .WithSummary("Receives one firstbird batch of events.");
        group.MapPost("/{provider:regex(^(idibu|firstbird)$)}", (string provider, HttpContext context, WebhookIntake intake, CancellationToken ct) =>
                intake.ReceiveAsync(provider, key: "", context, ct))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Stores the keys given in configuration and loads the live ones.</summary>
    public static async Task SeedEndpointKeysAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        var ring = app.Services.GetRequiredService<EndpointKeyRing>();
        foreach (var provider in Providers.All)
        {
            if (options.SeedKeyFor(provider) is { Length: > 0 } key) await ring.SeedAsync(provider, key);
        }
        await ring.ReloadAsync();
    }
}
