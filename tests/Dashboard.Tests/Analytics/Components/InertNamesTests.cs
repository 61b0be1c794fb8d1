using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Components;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using static Dashboard.Tests.Ingestion.HostileBodies;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>
/// Names with markup or SQL arrive like any other text and are shown as text: escaped in the admin console's
/// delivery page and in the candidate drill-down, never turned into elements.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed partial class InertNamesTests : BunitContext, IAsyncLifetime
{
    private const string AdminEmail = "inert.admin@example.com";
    private const string AdminPassword = "inert-admin-password";
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";
    private const string Sql = "Robert'); DROP TABLE IdibuCandidates;--";

    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Dashboard:AdminEmail"] = AdminEmail,
        ["Dashboard:AdminPassword"] = AdminPassword,
    });

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheDeliveryPageShowsMarkupInNamesAsText()
    {
        var sender = _app.CreateClient();
        var body = Utf8(IdibuCandidate("\"inert-1\"", $"\"{Script}\"", $"\"{Image}\"", source: $"\"{Sql}\""));
        var answer = await (await sender.PostIdibuAsync(body, "inert-1")).AnswerAsync();
        await _app.ProjectAsync();

        var html = await AdminPageAsync($"/admin/deliveries/{answer.DeliveryId}");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("Robert&#x27;); DROP TABLE IdibuCandidates;--", html);
        AssertNoInjectedElements(html);
    }

    [Fact]
    public async Task TheDeliveryPageShowsMarkupInAQuarantineReasonAsText()
    {
        var body = Utf8(IdibuCandidate("\"inert-2\"", webhookEvent: $"\"{Script}\""));
        var answer = await (await _app.CreateClient().PostIdibuAsync(body, "inert-2")).AnswerAsync();
        Assert.Equal("quarantined", answer.Status);
        Assert.Contains(Script, answer.Reason);

        var html = await AdminPageAsync($"/admin/deliveries/{answer.DeliveryId}");

        Assert.Contains("unknown event &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;", html);
        AssertNoInjectedElements(html);
    }

    [Fact]
    public async Task TheCandidateDrillDownShowsMarkupAndSqlInNamesAsText()
    {
        var body = Utf8(IdibuCandidate("\"inert-3\"", $"\"{Script}\"", $"\"{Sql}\"",
            createdBy: $"{{\"profile_id\":\"9\",\"firstname\":\"{Image}\",\"lastname\":\"\"}}", source: "\"<b>Board</b>\""));
        await _app.CreateClient().PostIdibuAsync(body, "inert-3");
        await _app.ProjectAsync();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_app.Services.GetRequiredService<IAnalyticsQueries>());
        var drillDown = Render<CandidateDrillDown>(p => p
            .Add(d => d.Title, "Candidates")
            .Add(d => d.Filter, AnalyticsFilter.None));

        drillDown.WaitForAssertion(() => Assert.Contains("&lt;script&gt;", drillDown.Markup), TimeSpan.FromSeconds(10));
        var cells = drillDown.FindAll("td").Select(td => td.TextContent).ToList();
        Assert.Contains($"{Script} {Sql}", cells);
        Assert.Contains(Image, cells);
        Assert.Contains("<b>Board</b>", cells);
        Assert.Empty(drillDown.FindAll("script"));
        Assert.Empty(drillDown.FindAll("img"));
        Assert.Empty(drillDown.FindAll("td b"));
    }

    private async Task<string> AdminPageAsync(string path)
    {
        var admin = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(AdminEmail, AdminPassword)).StatusCode);
        var response = await admin.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The only script elements are the app's own, loaded by src; no sender text became an element.</summary>
    private static void AssertNoInjectedElements(string html)
    {
        Assert.DoesNotContain(Script, html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Empty(InlineScript().Matches(html));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""importmap"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
