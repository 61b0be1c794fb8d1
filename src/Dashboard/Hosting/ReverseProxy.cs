using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dashboard.Hosting;

/// <summary>
/// The <c>ReverseProxy</c> section: the proxies (or their networks) in front of the app. Only a request arriving from
/// one of them has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed, so the sender IP allow-list and
/// the wrong-key throttle see the sender's address rather than the proxy's, and cookies are marked secure when the
/// proxy speaks HTTPS. With nothing configured the headers are ignored: anyone could send them.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add to <c>X-Forwarded-For</c> (a CDN before the load balancer: 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

public static class ReverseProxy
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        builder.Services.AddSingleton(proxy);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = proxy.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) options.KnownProxies.Add(ParseAddress(address));
            foreach (var network in proxy.KnownNetworks) options.KnownIPNetworks.Add(ParseNetwork(network));
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it (logging, throttling, the allow-list) sees the sender.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxyOptions>().IsConfigured) app.UseForwardedHeaders();
        return app;
    }

    private static IPAddress ParseAddress(string text) => IPAddress.TryParse(text.Trim(), out var address)
        ? address
        : throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{text}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string text) => System.Net.IPNetwork.TryParse(text.Trim(), out var network)
        ? network
        : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has '{text}', which is not a network in CIDR form (10.0.0.0/24).");
}
