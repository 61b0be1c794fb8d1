using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Dashboard.Hosting;

/// <summary>
/// Serilog, structured. The request log names the route template, never the path: a webhook path carries its
/// sender key. Framework loggers that print paths are held at Warning for the same reason.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            // ASP.NET Core's request scope adds the raw path (which holds a webhook's key) to every event after our
            // own enrichers run, so every sink sits behind a sub-logger that takes it out again.
            .WriteTo.Logger(sinks =>
            {
                sinks.Enrich.With<RawPathRemover>()
                    .ReadFrom.Configuration(builder.Configuration)
                    // A request must not wait for the terminal: at thousands of deliveries a second it would.
                    .WriteTo.Async(console => console.Console(
                        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
                foreach (var sink in services.GetServices<ILogEventSink>()) sinks.WriteTo.Sink(sink);
            }),
            // The app's logger is its own: several instances in one process (tests) must not share the static one.
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseRouteTemplateRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, statusCode) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RouteTemplate", new ScalarValue(RouteTemplateOf(context))),
                new("StatusCode", new ScalarValue(statusCode)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is not null || (context.Response.StatusCode >= 500 && !IsWebhookRefusal(context)) ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/_blazor") || context.Request.Path.StartsWithSegments("/_framework")
                    // The intake writes what became of every webhook request itself: a delivery with its id, a
                    // refusal counted (RefusalLog). A second line per request would double the log's cost at
                    // thousands a second.
                    || context.Request.Path.StartsWithSegments("/webhooks")
                    ? LogEventLevel.Verbose
                    : LogEventLevel.Information;
        });
        return app;
    }

    /// <summary>A webhook told to come back later: the intake's refusal, not a fault.</summary>
    private static bool IsWebhookRefusal(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && context.Request.Path.StartsWithSegments("/webhooks");

    private sealed class RawPathRemover : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.RemovePropertyIfPresent("RequestPath");
            logEvent.RemovePropertyIfPresent("Path");
        }
    }

    private static string RouteTemplateOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : "(no route)";
}
