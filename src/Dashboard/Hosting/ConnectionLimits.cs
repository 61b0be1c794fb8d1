using Dashboard.Ingestion;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dashboard.Hosting;

/// <summary>
/// The <c>Connections</c> section: how slow or idle a client may be before Kestrel drops it. A sender that trickles
/// its body or its headers holds a connection and a request thread; these bounds keep one such sender from starving
/// the others.
/// </summary>
public sealed class ConnectionLimitsOptions
{
    public const string Section = "Connections";

    /// <summary>Below this rate (after the grace period) a request body is cut off with 408.</summary>
    public double MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may start slowly (TLS, a congested link) before the rate counts; Kestrel needs more than 1 s.</summary>
    public TimeSpan BodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>All headers must arrive within this time; idibu gives up after 5 s anyway.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Connections open at once (an open dashboard holds one). Beyond it a new connection is closed at once and the
    /// sender retries later: under a flood the app keeps answering those it has, instead of taking on ever more
    /// requests it cannot finish in time.
    /// </summary>
    public long MaxConcurrentConnections { get; set; } = 2_000;
}

public static class ConnectionLimits
{
    /// <summary>
    /// Applies <see cref="ConnectionLimitsOptions"/> to Kestrel, and caps every request body at
    /// <c>Webhooks:MaxBodyBytes</c>: webhooks are the largest bodies the app takes (the webhook reader lifts its own
    /// request's cap by one byte to tell "at the limit" from "over it").
    /// </summary>
    public static WebApplicationBuilder AddConnectionLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ConnectionLimitsOptions>(builder.Configuration.GetSection(ConnectionLimitsOptions.Section));
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ConnectionLimitsOptions>, IOptions<WebhookOptions>>((kestrel, connections, webhooks) =>
            {
                var limits = connections.Value;
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinBodyBytesPerSecond, limits.BodyGracePeriod);
                kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
                kestrel.Limits.KeepAliveTimeout = limits.KeepAliveTimeout;
                kestrel.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections;
                kestrel.Limits.MaxConcurrentUpgradedConnections = limits.MaxConcurrentConnections;
                kestrel.Limits.MaxRequestBodySize = webhooks.Value.MaxBodyBytes;
            });
        return builder;
    }
}
