using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Hosting;

public sealed class LogSecrecyTests : IDisposable
{
    private readonly DashboardApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheLogOfABusyRunHoldsNoKeyTokenOrEmail()
    {
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithEmail("secret.person@example.com").OnVacancy("v1", "11", "Applicants").Build(), "a");
        await client.PostIdibuAsync("{broken"u8.ToArray(), "b");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().Build(), key: "guessed-key-that-is-wrong");
        await client.PostFirstbirdAsync(new FirstbirdBatchBuilder().Received("a1", "2026-03-01 10:00:00.000Z").Garbage().Build());
        await client.GetAsync("/api/analytics/sources?token=" + DashboardApplication.ApiToken);
        await _app.CreateApiClient().GetAsync("/api/analytics/sources");
        await _app.CreateApiClient().GetAsync("/api/deliveries/1");
        await _app.ProjectAsync();

        var log = _app.Log.Text();
        // Each delivery is logged once, by the intake, with its id; other requests by their route template.
        Assert.Matches(@"idibu\W* delivery \d+ accepted", log);
        Assert.Matches(@"firstbird\W* delivery \d+ accepted", log);
        Assert.Contains("/api/deliveries/{id}", log);
        Assert.DoesNotContain(DashboardApplication.IdibuKey, log);
        Assert.DoesNotContain(DashboardApplication.FirstbirdKey, log);
        Assert.DoesNotContain(DashboardApplication.ApiToken, log);
        Assert.DoesNotContain("guessed-key-that-is-wrong", log);
        Assert.DoesNotContain("@example.", log);
    }
}
