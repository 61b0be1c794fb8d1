using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dashboard.Hosting;

/// <summary>
/// The headers every answer carries, pages, API, CSV, webhooks and errors alike. Sender text reaches the pages (names,
/// sources, places, firstbird values) and is shown as text; the policy below is the second line: should any of it
/// ever become markup, the browser still runs no script that the app did not serve itself.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy, directive by directive:
    /// <list type="bullet">
    /// <item><c>default-src 'self'</c>: anything not named below comes from the app or not at all.</item>
    /// <item><c>script-src 'self'</c>: only script files the app serves; no inline script, no event-handler
    /// attributes, no <c>eval</c> (Blazor Server, MudBlazor and ApexCharts need none of them).</item>
    /// <item><c>style-src 'self' 'unsafe-inline'</c>: MudBlazor renders style attributes and its theme as a
    /// <c>&lt;style&gt;</c> element, and ApexCharts styles its SVG inline. Styles cannot run script.</item>
    /// <item><c>img-src 'self' data:</c>: the PNG export draws the chart's SVG through a <c>data:</c> image.</item>
    /// <item><c>connect-src 'self'</c>: the Blazor circuit's WebSocket and the JS modules' requests, to this app only.</item>
    /// <item><c>object-src 'none'</c>, <c>base-uri 'self'</c>, <c>form-action 'self'</c>: no plug-ins, no foreign base
    /// URL for relative links, forms post only here.</item>
    /// <item><c>frame-ancestors 'self'</c>: only the app may frame its pages (Blazor's own default, kept).</item>
    /// </list>
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>A year: the browser keeps to HTTPS for that long after its last visit.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private static readonly HashSet<string> LoopbackHosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };

    /// <summary>Kestrel names itself in a <c>Server</c> header unless told not to; the name only helps an attacker.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Right after the forwarded headers, so a request the proxy took over HTTPS counts as HTTPS. The headers are
    /// written as the answer starts, so they also reach answers whose headers were reset on the way, such as error
    /// answers written after an exception.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Request, context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Apply(HttpRequest request, HttpResponse response)
    {
        var headers = response.Headers;
        // Replaces the frame-ancestors-only policy Blazor sets on its pages: one policy, with that directive in it.
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // As ASP.NET's own HSTS middleware does, never on a loopback host: it would stick to every app a developer
        // later runs on localhost.
        if (request.IsHttps && !LoopbackHosts.Contains(request.Host.Host)) headers.StrictTransportSecurity = StrictTransportSecurity;
        if (HoldsPersonalData(request, response)) headers.CacheControl = "no-store";
    }

    /// <summary>API answers and CSV downloads carry names and figures: no browser or proxy keeps a copy.</summary>
    private static bool HoldsPersonalData(HttpRequest request, HttpResponse response) =>
        request.Path.StartsWithSegments("/api")
        || (response.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) ?? false);
}
