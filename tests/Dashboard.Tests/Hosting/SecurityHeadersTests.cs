using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Analytics;
using Dashboard.Tests.Analytics.Pages;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// Every answer, pages, the JSON API, CSV downloads and webhooks alike, carries the strict Content-Security-Policy,
/// nosniff and same-origin referrers; answers with personal data are never stored; HSTS only over HTTPS.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private const string AdminEmail = "headers.admin@example.com";
    private const string AdminPassword = "headers-admin-password";

    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Dashboard:AdminEmail"] = AdminEmail,
        ["Dashboard:AdminPassword"] = AdminPassword,
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADashboardPageCarriesOneStrictPolicyAndLoadsNoInlineScript()
    {
        var browser = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(AdminEmail, AdminPassword)).StatusCode);

        var page = await browser.Http.GetAsync("/sources");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(page);
        // A page with names on it is not kept either (Blazor's own antiforgery marks it so).
        AssertNoStore(page);
        // Blazor sets a frame-ancestors-only policy of its own on its pages; it is replaced, not sent beside ours.
        Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"_framework/blazor.web.js\"", html);
        // script-src 'self' would refuse an inline script (an import map included): the page has none.
        Assert.Empty(InlineScript().Matches(html));
    }

    [Fact]
    public async Task TheSignInPageCarriesThePolicy()
    {
        var page = await _app.CreateClient().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);
    }

    [Fact]
    public async Task AJsonApiAnswerIsNeverStored()
    {
        var answer = await _app.CreateApiClient().GetAsync("/api/analytics/sources");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(answer);
        AssertNoStore(answer);
    }

    [Fact]
    public async Task ACsvDownloadIsNeverStored()
    {
        var answer = await _app.CreateApiClient().GetAsync("/api/analytics/sources?format=csv");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(answer);
        AssertNoStore(answer);
    }

    [Fact]
    public async Task AnApiAnswerToABadFilterCarriesThemToo()
    {
        var answer = await _app.CreateApiClient().GetAsync("/api/analytics/sources?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        AssertSecurityHeaders(answer);
        AssertNoStore(answer);
    }

    [Fact]
    public async Task AnAnswerToAnUnexpectedErrorCarriesThemToo()
    {
        // The exception handler clears the headers written so far before it writes the problem.
        await using var failing = new DashboardApplication(
            services: s => s.AddSingleton<IAnalyticsQueries>(new FakeAnalyticsQueries(FakeAnswer.Error)));

        var answer = await failing.CreateApiClient().GetAsync("/api/analytics/sources");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        AssertSecurityHeaders(answer);
        AssertNoStore(answer);
    }

    [Fact]
    public async Task AWebhookAnswerCarriesThem()
    {
        var sender = _app.CreateClient();

        var accepted = await sender.PostIdibuAsync(new IdibuCandidateBuilder().WithId("headers-1").Build(), "headers-1");
        var refused = await sender.PostIdibuAsync(new IdibuCandidateBuilder().WithId("headers-2").Build(), "headers-2", key: "wrong-key");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        AssertSecurityHeaders(accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertSecurityHeaders(refused);
    }

    [Fact]
    public async Task AScriptFileIsServedAsScriptOnly()
    {
        var script = await _app.CreateClient().GetAsync("/js/chart-text.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Single(script, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task StrictTransportSecurityIsSentOverHttpsOnly()
    {
        var overHttps = await _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example") })
            .GetAsync("/account/login");
        var overHttp = await _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dashboard.example") })
            .GetAsync("/account/login");
        var onLoopback = await _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") })
            .GetAsync("/account/login");

        Assert.Equal("max-age=31536000", Single(overHttps, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        // A developer's browser would keep to HTTPS for every app on localhost for a year.
        Assert.False(onLoopback.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.99", false)]
    public async Task BehindAProxyStrictTransportSecurityFollowsTheSchemeItForwards(string knownProxy, bool expected)
    {
        await using var app = new DashboardApplication(
            settings: new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = knownProxy },
            services: s => s.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse("10.0.0.5"))));
        var request = new HttpRequestMessage(HttpMethod.Get, "http://dashboard.example/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var answer = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(expected, answer.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task KestrelDoesNotNameItself()
    {
        var port = SlowSenderTests.FreePort();
        await using var app = new DashboardApplication();
        app.UseKestrel(port);
        app.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var answer = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(answer.Headers.Server);
        AssertSecurityHeaders(answer);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage answer)
    {
        var policy = Directives(Single(answer, "Content-Security-Policy"));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'self'", "data:"], policy["img-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), source => source.Contains("unsafe-eval"));
        Assert.Equal("nosniff", Single(answer, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(answer, "Referrer-Policy"));
        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertNoStore(HttpResponseMessage answer) => Assert.True(answer.Headers.CacheControl?.NoStore);

    private static string Single(HttpResponseMessage answer, string header) =>
        Assert.Single(answer.Headers.TryGetValues(header, out var values) ? values : []);

    private static Dictionary<string, string[]> Directives(string policy) => policy
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => parts[1..]);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>The in-memory server has no socket: every request seems to come from this address.</summary>
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
