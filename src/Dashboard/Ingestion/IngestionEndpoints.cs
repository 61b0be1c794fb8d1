using Dashboard.Senders;

namespace Dashboard.Ingestion;

/// <summary>The webhook endpoint: one route per sender, each answered by <see cref="WebhookIntake"/>.</summary>
public static class IngestionEndpoints
{
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<RefusalLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").DisableAntiforgery();
        foreach (var sender in SenderRegistry.All)
        {
            var name = sender.Name;
            group.MapPost($"/{name}/{{key}}", (string key, HttpContext context, WebhookIntake intake, CancellationToken ct) =>
                    intake.ReceiveAsync(sender, key, context, ct))
                .WithName("Receive" + char.ToUpperInvariant(name[0]) + name[1..])
                .WithSummary(sender.WebhookSummary);
        }
        // A URL without its key is answered 401, as a wrong key is, rather than a bare 404.
        var names = string.Join("|", SenderRegistry.Names);
        group.MapPost($"/{{provider:regex(^({names})$)}}", (string provider, HttpContext context, WebhookIntake intake, CancellationToken ct) =>
                intake.ReceiveAsync(SenderRegistry.Find(provider)!, key: "", context, ct))
            .ExcludeFromDescription();
        return app;
    }
}
