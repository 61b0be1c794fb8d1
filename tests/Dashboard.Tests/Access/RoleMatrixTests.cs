using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Access.SignIn;
using static Dashboard.Tests.Support.PeopleOfEveryStanding;

namespace Dashboard.Tests.Access;

/// <summary>
/// Who may call what, in one table: every endpoint of the app (from its <see cref="EndpointDataSource"/>) and every
/// routable page. An endpoint or page missing from the table fails the first test, so nothing new slips through
/// unclassified; the second calls each with every kind of caller and checks the answer they get.
/// </summary>
public sealed partial class RoleMatrixTests : IAsyncLifetime
{
    /// <summary>Who gets through.</summary>
    public enum Allowed
    {
        /// <summary>Anyone, signed in or not (sign-in pages, health, forms guarded by antiforgery, the page framework).</summary>
        Anyone,

        /// <summary>Nobody by person: the sender key in the URL is the credential.</summary>
        SenderKey,

        /// <summary>Any enabled person (Recruiter or Admin), by cookie or, on the API, by token.</summary>
        Person,

        /// <summary>An enabled person signed in to the dashboard; a token may not.</summary>
        PersonByCookie,

        /// <summary>An enabled Admin, by cookie or, on the API, by token.</summary>
        Admin,
    }

    private static readonly Dictionary<string, Allowed> Table = new()
    {
        ["GET /health"] = Allowed.Anyone,
        ["GET /openapi/{documentName}.json"] = Allowed.Anyone,
        ["GET {**path:file}"] = Allowed.Anyone,
        ["GET /_framework/opaque-redirect"] = Allowed.Anyone,
        ["* /_blazor"] = Allowed.Anyone,
        ["* /_blazor/negotiate"] = Allowed.Anyone,
        ["* /_blazor/disconnect/"] = Allowed.Anyone,
        ["* /_blazor/initializers/"] = Allowed.Anyone,
        ["POST /account/logout"] = Allowed.Anyone,
        ["POST /account/logout-everywhere"] = Allowed.Anyone,
        ["GET /messages/unsubscribe"] = Allowed.Anyone,
        ["POST /messages/unsubscribe"] = Allowed.Anyone,

        ["POST /webhooks/idibu/{key}"] = Allowed.SenderKey,
        ["POST /webhooks/firstbird/{key}"] = Allowed.SenderKey,
        ["POST /webhooks/{provider:regex(^(idibu|firstbird)$)}"] = Allowed.SenderKey,

        ["GET /api/analytics/sources"] = Allowed.Person,
        ["GET /api/analytics/locations"] = Allowed.Person,
        ["GET /api/analytics/consultants"] = Allowed.Person,
        ["GET /api/analytics/funnel"] = Allowed.Person,
        ["GET /api/analytics/referrals"] = Allowed.Person,
        ["GET /api/analytics/quality"] = Allowed.Person,
        ["GET /api/analytics/overview"] = Allowed.Person,
        ["GET /api/analytics/funnel-timings"] = Allowed.Person,
        ["GET /api/analytics/vacancy-funnels"] = Allowed.Person,
        ["GET /api/analytics/candidates-over-time"] = Allowed.Person,
        ["GET /api/analytics/referrals-over-time"] = Allowed.Person,
        ["GET /api/analytics/quality-over-time"] = Allowed.Person,
        ["GET /api/analytics/candidates"] = Allowed.Person,
        ["GET /api/analytics/referral-applications"] = Allowed.Person,
        ["GET /api/analytics/filter-options"] = Allowed.Person,
        ["GET /api/me/tokens/"] = Allowed.Person,
        ["DELETE /api/me/tokens/{id}"] = Allowed.Person,
        ["POST /api/me/tokens/"] = Allowed.PersonByCookie,
        ["POST /api/me/password"] = Allowed.PersonByCookie,
        ["GET /api/views/"] = Allowed.Person,
        ["POST /api/views/"] = Allowed.Person,
        ["PUT /api/views/{id}"] = Allowed.Person,
        ["DELETE /api/views/{id}"] = Allowed.Person,

        ["GET /api/deliveries/"] = Allowed.Admin,
        ["GET /api/deliveries/{id}"] = Allowed.Admin,
        ["GET /api/admin/keys/{provider}"] = Allowed.Admin,
        ["POST /api/admin/keys/{provider}"] = Allowed.Admin,
        ["POST /api/admin/keys/{provider}/rotate"] = Allowed.Admin,
        ["DELETE /api/admin/keys/{id}"] = Allowed.Admin,
        ["POST /api/admin/deliveries/{id}/replay"] = Allowed.Admin,
        ["POST /api/admin/deliveries/replay"] = Allowed.Admin,
        ["POST /api/admin/rebuild"] = Allowed.Admin,
        ["GET /api/admin/rebuild"] = Allowed.Admin,
        ["GET /api/admin/funnel"] = Allowed.Admin,
        ["PUT /api/admin/funnel"] = Allowed.Admin,
        ["GET /api/admin/users"] = Allowed.Admin,
        ["POST /api/admin/users"] = Allowed.Admin,
        ["PUT /api/admin/users/{id}/role"] = Allowed.Admin,
        ["POST /api/admin/users/{id}/disable"] = Allowed.Admin,
        ["POST /api/admin/users/{id}/enable"] = Allowed.Admin,
        ["POST /api/admin/users/{id}/reset-password"] = Allowed.Admin,
        ["POST /api/admin/users/{id}/sign-out-everywhere"] = Allowed.Admin,
        ["GET /api/admin/senders/{provider}/security"] = Allowed.Admin,
        ["PUT /api/admin/senders/{provider}/security"] = Allowed.Admin,
        ["POST /api/admin/erasure"] = Allowed.Admin,
        ["POST /api/admin/retention"] = Allowed.Admin,
        ["GET /api/admin/audit"] = Allowed.Admin,
        ["GET /api/admin/time-zone"] = Allowed.Admin,
        ["PUT /api/admin/time-zone"] = Allowed.Admin,
        ["GET /api/admin/kiosks/"] = Allowed.Admin,
        ["POST /api/admin/kiosks/"] = Allowed.Admin,
        ["DELETE /api/admin/kiosks/{id}"] = Allowed.Admin,

        ["PAGE /account/login"] = Allowed.Anyone,
        ["PAGE /account/denied"] = Allowed.Anyone,
        ["PAGE /setup"] = Allowed.Anyone,
        // A wall screen's address: its own token decides what it shows (a wrong one shows nothing), no person's sign-in.
        ["PAGE /kiosk/{Key}"] = Allowed.Anyone,
        ["PAGE /"] = Allowed.Person,
        ["PAGE /sources"] = Allowed.Person,
        ["PAGE /locations"] = Allowed.Person,
        ["PAGE /funnel"] = Allowed.Person,
        ["PAGE /referrals"] = Allowed.Person,
        ["PAGE /quality"] = Allowed.Person,
        ["PAGE /views"] = Allowed.Person,
        ["PAGE /kiosk"] = Allowed.Person,
        ["PAGE /candidates/{CandidateId}"] = Allowed.Person,
        ["PAGE /referrals/applications/{ApplicationId}"] = Allowed.Person,
        ["PAGE /account/tokens"] = Allowed.Person,
        ["PAGE /account/password"] = Allowed.Person,
        ["PAGE /digests"] = Allowed.Person,
        ["PAGE /admin/deliveries"] = Allowed.Admin,
        ["PAGE /admin/deliveries/{Id:long}"] = Allowed.Admin,
        ["PAGE /admin/rebuild"] = Allowed.Admin,
        ["PAGE /admin/endpoints"] = Allowed.Admin,
        ["PAGE /admin/people"] = Allowed.Admin,
        ["PAGE /admin/funnel"] = Allowed.Admin,
        ["PAGE /admin/privacy"] = Allowed.Admin,
        ["PAGE /admin/audit"] = Allowed.Admin,
        ["PAGE /admin/time-zone"] = Allowed.Admin,
        ["PAGE /admin/outbox"] = Allowed.Admin,
        ["PAGE /admin/alerts"] = Allowed.Admin,
        ["PAGE /admin/alerts/history"] = Allowed.Admin,
        ["PAGE /admin/kiosks"] = Allowed.Admin,
        ["PAGE /setup/sample-data"] = Allowed.Admin,
    };

    private readonly DashboardApplication _app = new(projection: false, settings: new Dictionary<string, string?>
    {
        // Every caller tries a wrong webhook key; the per-address throttle would turn the later ones into 429s.
        ["Webhooks:AuthFailureThrottle:MaxFailures"] = "100000",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryEndpointAndPageIsInTheTableAndNothingElse()
    {
        var present = RoutesOfTheApp();

        var unlisted = present.Keys.Except(Table.Keys).Order().ToList();
        var stale = Table.Keys.Except(present.Keys).Order().ToList();
        Assert.True(unlisted.Count == 0, "Not in the role table (add each with who may call it): " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "In the role table but not in the app: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EachCallerGetsWhatTheirCurrentStandingAllows()
    {
        var routes = RoutesOfTheApp();
        var people = await SignInAsync(_app);
        var wrong = new List<string>();

        foreach (var (route, allowed) in Table.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var (method, template) = Split(route);
            var isPage = method == "PAGE";
            foreach (var caller in people.Callers)
            {
                var expected = Expect(allowed, caller, isPage);
                using var request = new HttpRequestMessage(isPage || method == "*" ? HttpMethod.Get : new HttpMethod(method), PathFor(template));
                var answer = Classify(await caller.Http.SendAsync(request));
                if (answer != expected) wrong.Add($"{route} for {caller}: {answer}, expected {expected}");
            }
        }

        Assert.True(routes.Count == Table.Count && wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task StaticFilesNeedNoSignInAndCarryNoAuthorization()
    {
        var assets = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, asset => Assert.Null(asset.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/css/app.css")).StatusCode);
    }

    /// <summary>What a caller of a given standing should get.</summary>
    private static Answer Expect(Allowed allowed, Caller caller, bool isPage)
    {
        var signedOut = caller.Standing is Anonymous or Disabled || (isPage && caller.ByToken);
        var adminNow = caller.Standing == PeopleOfEveryStanding.Admin;
        return allowed switch
        {
            Allowed.Anyone => Answer.Through,
            Allowed.SenderKey => Answer.Unauthenticated,
            _ when signedOut => isPage ? Answer.SignInPage : Answer.Unauthenticated,
            Allowed.Person => Answer.Through,
            Allowed.PersonByCookie => caller.ByToken ? Answer.Forbidden : Answer.Through,
            Allowed.Admin when adminNow => Answer.Through,
            Allowed.Admin => isPage ? Answer.DeniedPage : Answer.Forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(allowed)),
        };
    }

    public enum Answer
    {
        /// <summary>Not stopped for who the caller is: 2xx, or the endpoint's own answer to an empty request (400, 404, 415…).</summary>
        Through,
        Unauthenticated,
        Forbidden,
        SignInPage,
        DeniedPage,
    }

    private static Answer Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Answer.Unauthenticated,
            HttpStatusCode.Forbidden => Answer.Forbidden,
            HttpStatusCode.Redirect when location.StartsWith("/account/login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) => Answer.SignInPage,
            HttpStatusCode.Redirect when location.StartsWith("/account/denied", StringComparison.OrdinalIgnoreCase) => Answer.DeniedPage,
            _ => Answer.Through,
        };
    }

    /// <summary>Every route of the app as the table names it: "METHOD template" for endpoints, "PAGE template" for pages.</summary>
    private Dictionary<string, string> RoutesOfTheApp()
    {
        var routes = new Dictionary<string, string>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            // Files under wwwroot and the libraries: public by nature, checked as a class by the test below.
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) continue;
            var template = endpoint.RoutePattern.RawText!;
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                routes[$"PAGE {template}"] = template;
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD") ?? ["*"])
                routes[$"{method} {template}"] = template;
        }
        // Pages as the router knows them, in case one ever stops being an endpoint of its own.
        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        foreach (var route in page.GetCustomAttributes<RouteAttribute>())
            routes[$"PAGE {route.Template}"] = route.Template;
        return routes;
    }

    private static (string Method, string Template) Split(string route) => (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);

    private static string PathFor(string template)
    {
        var path = template
            .Replace("{provider:regex(^(idibu|firstbird)$)}", "idibu")
            .Replace("{provider}", "idibu")
            .Replace("{key}", "not-a-real-key")
            .Replace("{documentName}", "v1")
            .Replace("{**path:file}", "no-such-file.txt")
            .Replace("{id}", "nobody");
        path = IdParameter().Replace(path, "999999");
        return path.StartsWith('/') ? path : "/" + path;
    }

    [GeneratedRegex(@"\{[A-Za-z]+:(int|long)\}")]
    private static partial Regex IdParameter();
}
