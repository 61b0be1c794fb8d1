using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Dashboard.Access;
using Dashboard.Access.Rights;
using Dashboard.SavedViews;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.SavedViews;

/// <summary>
/// Saved views as people use them, through the API and through the library the pages call: saved for oneself or for
/// everyone, renamed, shared and deleted only by whoever may, checked by the server when the action runs.
/// </summary>
public sealed class SavedViewsTests : IAsyncLifetime
{
    private const string Password = "views-password-long";
    private readonly DashboardApplication _app = new(projection: false);
    private readonly Dictionary<string, (BrowserLikeClient Browser, string Id)> _people = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, role) in new[] { ("ann", Roles.Recruiter), ("bob", Roles.Recruiter), ("ada", Roles.Admin) })
        {
            var id = await PeopleOfEveryStanding.AddPersonAsync(_app, $"{name}@example.com", Password, role);
            var browser = new BrowserLikeClient(_app);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync($"{name}@example.com", Password)).StatusCode);
            _people[name] = (browser, id);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Http(string person) => _people[person].Browser.Http;

    private async Task<SavedViewRow> SaveAsync(string person, string name, bool shared, string page = "/sources", string query = "range=30d&source=LinkedIn")
    {
        var answer = await Http(person).PostAsJsonAsync("/api/views", new { name, page, query, shared });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<SavedViewRow>())!;
    }

    private async Task<List<SavedViewRow>> ListAsync(string person) => (await Http(person).GetFromJsonAsync<List<SavedViewRow>>("/api/views"))!;

    [Fact]
    public async Task APersonSavesAViewThatOpensThePageWithItsFilters()
    {
        var saved = await SaveAsync("ann", "LinkedIn this month", shared: false, query: "source=LinkedIn&range=30d");

        Assert.Equal("/sources?range=30d&source=LinkedIn", saved.Href);
        var listed = Assert.Single(await ListAsync("ann"));
        Assert.Equal(("LinkedIn this month", "Sources", true, true), (listed.Name, listed.PageTitle, listed.Own, listed.MayChange));
        var page = await Http("ann").GetAsync(listed.Href);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Source: LinkedIn", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AViewKeptToItsOwnerIsNobodyElsesToSeeOrTouch()
    {
        var saved = await SaveAsync("ann", "Mine", shared: false);

        Assert.Empty(await ListAsync("bob"));
        Assert.Empty(await ListAsync("ada"));
        Assert.Equal(HttpStatusCode.NotFound, (await Http("bob").PutAsJsonAsync($"/api/views/{saved.Id}", new { name = "Taken" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http("ada").DeleteAsync($"/api/views/{saved.Id}")).StatusCode);
        Assert.Equal("Mine", Assert.Single(await ListAsync("ann")).Name);
    }

    [Fact]
    public async Task ASharedViewIsEveryonesToOpenButOnlyItsOwnerOrAnAdminsToChange()
    {
        var saved = await SaveAsync("ann", "Team LinkedIn", shared: true);

        var seenByBob = Assert.Single(await ListAsync("bob"));
        Assert.Equal(("Team LinkedIn", "ann@example.com", false, false), (seenByBob.Name, seenByBob.Owner, seenByBob.Own, seenByBob.MayChange));
        Assert.True(Assert.Single(await ListAsync("ada")).MayChange);

        var rename = await Http("bob").PutAsJsonAsync($"/api/views/{saved.Id}", new { name = "Bob's now" });
        var unshare = await Http("bob").PutAsJsonAsync($"/api/views/{saved.Id}", new { shared = false });
        var delete = await Http("bob").DeleteAsync($"/api/views/{saved.Id}");
        Assert.All(new[] { rename, unshare, delete }, answer => Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode));
        Assert.Contains(SavedViewLibrary.NotYours, await delete.Content.ReadAsStringAsync());
        var unchanged = Assert.Single(await ListAsync("ann"));
        Assert.Equal(("Team LinkedIn", true), (unchanged.Name, unchanged.Shared));

        Assert.Equal(HttpStatusCode.NoContent, (await Http("ada").PutAsJsonAsync($"/api/views/{saved.Id}", new { name = "Team LinkedIn (tidied)" })).StatusCode);
        Assert.Equal("Team LinkedIn (tidied)", Assert.Single(await ListAsync("bob")).Name);
        Assert.Equal(HttpStatusCode.NoContent, (await Http("ann").DeleteAsync($"/api/views/{saved.Id}")).StatusCode);
        Assert.Empty(await ListAsync("bob"));
    }

    [Fact]
    public async Task TheLibraryThePagesCallRefusesANonOwnerWhateverThePageShowed()
    {
        var saved = await SaveAsync("ann", "Team view", shared: true);
        var library = _app.Services.GetRequiredService<SavedViewLibrary>();
        var bob = Person(_people["bob"].Id, "bob@example.com");

        await Assert.ThrowsAsync<RefusedActionException>(() => library.RenameAsync(bob, saved.Id, "Mine now", CancellationToken.None));
        await Assert.ThrowsAsync<RefusedActionException>(() => library.DeleteAsync(bob, saved.Id, CancellationToken.None));

        Assert.Equal("Team view", Assert.Single(await ListAsync("ann")).Name);
    }

    [Fact]
    public async Task AnAdminDemotedSinceTheirPageOpenedNoLongerChangesSomeoneElsesView()
    {
        var saved = await SaveAsync("ann", "Team view", shared: true);
        var library = _app.Services.GetRequiredService<SavedViewLibrary>();
        var adaAsSheWas = Person(_people["ada"].Id, "ada@example.com", Roles.Admin);

        // Someone must stay admin: the last one cannot be demoted.
        await PeopleOfEveryStanding.AddPersonAsync(_app, "eve@example.com", Password, Roles.Admin);
        var operatorToken = _app.CreateApiClient();
        (await operatorToken.PutAsJsonAsync($"/api/admin/users/{_people["ada"].Id}/role", new { role = Roles.Recruiter })).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<RefusedActionException>(() => library.DeleteAsync(adaAsSheWas, saved.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, (await Http("ada").DeleteAsync($"/api/views/{saved.Id}")).StatusCode);
        Assert.Single(await ListAsync("ann"));
    }

    [Theory]
    [InlineData("""{"page":"/sources","query":"","shared":false}""", "name")]
    [InlineData("""{"name":"  ","page":"/sources","shared":false}""", "name")]
    [InlineData("""{"name":"People","page":"/admin/people","shared":false}""", "page")]
    [InlineData("""{"name":"Odd","page":"/sources","query":"range=forever","shared":false}""", "query")]
    [InlineData("""{"name":"Odd","page":"/sources","query":"password=x","shared":false}""", "query")]
    [InlineData("""{"name":"Odd","page":"/sources","query":"range=custom&from=2026-03-01&to=2026-02-01","shared":false}""", "query")]
    public async Task ABadViewIsAnswered400NamingWhatIsWrong(string body, string parameter)
    {
        var answer = await Http("ann").PostAsync("/api/views", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), await answer.Content.ReadAsStringAsync());
        Assert.Empty(await ListAsync("ann"));
    }

    [Fact]
    public async Task AViewWhoseVacancyIsGoneStillOpensAndSaysSo()
    {
        var saved = await SaveAsync("ann", "Old vacancy", shared: false, query: "range=all&vacancy=4711");

        var page = await Http("ann").GetStringAsync(saved.Href);

        Assert.Contains("filter-gone", page);
        Assert.Contains("This view filters on vacancy “4711”, which is no longer in the data", page);
    }

    [Fact]
    public async Task AHostileNameIsTextInTheNavigationAndOnTheViewsPage()
    {
        const string name = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        await SaveAsync("ann", name, shared: true);

        foreach (var path in new[] { "/", "/views" })
        {
            var html = await Http("bob").GetStringAsync(path);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<script>alert(2)", html);
        }
    }

    [Fact]
    public async Task ATokenActsForItsOwnerAndTheConfigurationTokenOwnsNoViews()
    {
        var token = await _people["bob"].Browser.CreateTokenAsync("views script");
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var created = await script.PostAsJsonAsync("/api/views", new { name = "From a script", page = "/funnel", query = "range=year", shared = false });
        var byOperator = await _app.CreateApiClient().PostAsJsonAsync("/api/views", new { name = "Nobody's", page = "/", shared = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("From a script", Assert.Single(await ListAsync("bob")).Name);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
    }

    private static ClaimsPrincipal Person(string id, string name, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "test"));
}
