using System.Net;
using System.Net.Http.Json;
using Dashboard.SenderKeys;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hosting;

/// <summary>Behind a proxy, the sender checks see the sender's address, and only when the proxy is one the admin named.</summary>
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.0.0.5";
    private const string Sender = "203.0.113.7";

    [Fact]
    public async Task TheAllowListSeesTheForwardedAddressOfARequestFromAKnownProxy()
    {
        await using var app = BehindProxy(knownProxy: Proxy);
        await AllowOnly(app, Sender);

        Assert.Equal(HttpStatusCode.OK, await PostFrom(app, forwardedFor: Sender));
        Assert.Equal(HttpStatusCode.Forbidden, await PostFrom(app, forwardedFor: "198.51.100.1"));
    }

    [Fact]
    public async Task ForwardedHeadersAreIgnoredWhenNoProxyIsConfigured()
    {
        await using var app = BehindProxy(knownProxy: null);
        await AllowOnly(app, Sender);

        // Anyone can write X-Forwarded-For; unless the proxy is named, the connection's own address decides.
        Assert.Equal(HttpStatusCode.Forbidden, await PostFrom(app, forwardedFor: Sender));
    }

    [Fact]
    public async Task ARequestFromAnUnknownAddressCannotClaimToBeForwarded()
    {
        await using var app = BehindProxy(knownProxy: "10.0.0.99");
        await AllowOnly(app, Sender);

        Assert.Equal(HttpStatusCode.Forbidden, await PostFrom(app, forwardedFor: Sender));
    }

    private static DashboardApplication BehindProxy(string? knownProxy) => new(
        settings: knownProxy is null ? null : new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = knownProxy },
        services: s => s.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(Proxy))));

    private static async Task AllowOnly(DashboardApplication app, string address)
    {
        var change = new SenderSecurityChange(null, null, address, null, false);
        Assert.True((await app.CreateApiClient().PutAsJsonAsync("/api/admin/senders/idibu/security", change)).IsSuccessStatusCode);
    }

    private static async Task<HttpStatusCode> PostFrom(DashboardApplication app, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/idibu/{DashboardApplication.IdibuKey}")
        {
            Content = new ByteArrayContent(new IdibuCandidateBuilder().WithId(Guid.NewGuid().ToString("N")).Build())
            {
                Headers = { ContentType = new("application/json") },
            },
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    /// <summary>The in-memory server has no socket: every request seems to come from the proxy's address.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
