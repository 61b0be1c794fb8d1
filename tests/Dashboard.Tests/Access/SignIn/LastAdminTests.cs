using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Access;
using Dashboard.Access.People;
using Dashboard.Tests.Support;
using Dashboard.Tests.Access.Tokens;

namespace Dashboard.Tests.Access.SignIn;

/// <summary>Someone must always be able to run the product: the last enabled admin stays one.</summary>
public sealed class LastAdminTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _operator = null!;

    public Task InitializeAsync()
    {
        _operator = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLastEnabledAdminCanBeNeitherDemotedNorDisabled()
    {
        var onlyAdmin = await PeopleOfEveryStanding.AddPersonAsync(_app, "only.admin@example.com", Password, Roles.Admin);

        var demoted = await _operator.PutAsJsonAsync($"/api/admin/users/{onlyAdmin}/role", new { role = Roles.Recruiter });
        var disabled = await _operator.PostAsync($"/api/admin/users/{onlyAdmin}/disable", null);

        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        Assert.Equal(PeopleAdmin.LastAdmin, (await demoted.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, disabled.StatusCode);
        var people = await _operator.GetFromJsonAsync<List<PersonRow>>("/api/admin/users");
        Assert.Equal((Roles.Admin, false), people!.Select(p => (p.Role, p.Disabled)).Single());
    }

    [Fact]
    public async Task AnAdminCannotDemoteThemselvesButAnotherAdminCan()
    {
        var first = await PeopleOfEveryStanding.AddPersonAsync(_app, "first.admin@example.com", Password, Roles.Admin);
        await PeopleOfEveryStanding.AddPersonAsync(_app, "second.admin@example.com", Password, Roles.Admin);
        var firstBrowser = new BrowserLikeClient(_app);
        await firstBrowser.SignInAsync("first.admin@example.com", Password);
        var secondBrowser = new BrowserLikeClient(_app);
        await secondBrowser.SignInAsync("second.admin@example.com", Password);

        var self = await firstBrowser.Http.PutAsJsonAsync($"/api/admin/users/{first}/role", new { role = Roles.Recruiter });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firstBrowser.Http.GetAsync("/api/admin/users")).StatusCode);

        var byOther = await secondBrowser.Http.PutAsJsonAsync($"/api/admin/users/{first}/role", new { role = Roles.Recruiter });
        Assert.Equal(HttpStatusCode.NoContent, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firstBrowser.Http.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task ADisabledAdminDoesNotCountAsTheOneThatRemains()
    {
        var kept = await PeopleOfEveryStanding.AddPersonAsync(_app, "kept@example.com", Password, Roles.Admin);
        var switchedOff = await PeopleOfEveryStanding.AddPersonAsync(_app, "switched.off@example.com", Password, Roles.Admin);
        (await _operator.PostAsync($"/api/admin/users/{switchedOff}/disable", null)).EnsureSuccessStatusCode();

        var demoted = await _operator.PutAsJsonAsync($"/api/admin/users/{kept}/role", new { role = Roles.Recruiter });

        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
    }
}
