using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Access;
using Dashboard.Access.SignIn;
using Dashboard.Tests.Support;
using Dashboard.Tests.Access.Tokens;

namespace Dashboard.Tests.Access.SignIn;

/// <summary>The sign-in page tells nobody whether an email has an account, and a lockout cannot be used to switch a person off.</summary>
public sealed partial class SignInAnswersTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WrongPasswordsForSomeoneElseLockTheirSignInButNotTheirToken()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "target@example.com", Password, Roles.Recruiter);
        var owner = new BrowserLikeClient(_app);
        await owner.SignInAsync("target@example.com", Password);
        var token = await owner.CreateTokenAsync("nightly export");
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var attacker = new BrowserLikeClient(_app);
        for (var i = 0; i < 6; i++) await attacker.SignInAsync("target@example.com", "not-their-password");

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new BrowserLikeClient(_app).SignInAsync("target@example.com", Password)).StatusCode);
    }

    [Fact]
    public async Task UnknownWrongLockedAndDisabledAllGetTheSameAnswer()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "known@example.com", Password, Roles.Recruiter);
        await PeopleOfEveryStanding.AddPersonAsync(_app, "locked@example.com", Password, Roles.Recruiter);
        var disabledId = await PeopleOfEveryStanding.AddPersonAsync(_app, "disabled@example.com", Password, Roles.Recruiter);
        (await _app.CreateApiClient().PostAsync($"/api/admin/users/{disabledId}/disable", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++) await new BrowserLikeClient(_app).SignInAsync("locked@example.com", "wrong-password-guess");

        var answers = new Dictionary<string, string>
        {
            ["unknown email"] = await AnswerToAsync("nobody.here@example.com", Password),
            ["wrong password"] = await AnswerToAsync("known@example.com", "wrong-password-guess"),
            ["locked, right password"] = await AnswerToAsync("locked@example.com", Password),
            ["disabled, right password"] = await AnswerToAsync("disabled@example.com", Password),
        };

        Assert.All(answers, answer => Assert.Equal(PasswordSignIn.Refusal, answer.Value));
    }

    [Fact]
    public async Task AOneTimePasswordMustBeReplacedBeforeAnythingElse()
    {
        var created = await OneTimePersonAsync("newcomer@example.com", Roles.Admin);
        var browser = new BrowserLikeClient(_app);

        var signedIn = await browser.SignInAsync("newcomer@example.com", created.Password);

        Assert.Equal("/account/password", PathOf(signedIn));
        Assert.Equal("/account/password", PathOf(await browser.Http.GetAsync("/")));
        Assert.Equal("/account/password", PathOf(await browser.Http.GetAsync("/admin/people")));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/api/admin/users")).StatusCode);
        var page = await browser.Http.GetStringAsync("/account/password");
        Assert.Contains("Choose your own before you go on", page);

        var changed = await browser.ChangePasswordAsync(created.Password, "my-own-chosen-password");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(PasswordSignIn.Refusal, await AnswerToAsync("newcomer@example.com", created.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await new BrowserLikeClient(_app).SignInAsync("newcomer@example.com", "my-own-chosen-password")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordKeepsThisSignInAndEndsTheOthers()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "mover@example.com", Password, Roles.Recruiter);
        var here = new BrowserLikeClient(_app);
        await here.SignInAsync("mover@example.com", Password);
        var elsewhere = new BrowserLikeClient(_app);
        await elsewhere.SignInAsync("mover@example.com", Password);

        var wrongCurrent = await here.ChangePasswordAsync("not-the-current-one", "another-long-password");
        Assert.Contains("The current password is not right.", await wrongCurrent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Http.GetAsync("/api/analytics/sources")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await here.ChangePasswordAsync(Password, "another-long-password")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.Http.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task ThePasswordApiTakesTheSignInButNotAToken()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "api.person@example.com", Password, Roles.Recruiter);
        var browser = new BrowserLikeClient(_app);
        await browser.SignInAsync("api.person@example.com", Password);
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", await browser.CreateTokenAsync("script"));

        var byToken = await script.PostAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "taken-over-by-a-token" });
        var byCookie = await browser.Http.PostAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "changed-by-its-owner" });

        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new BrowserLikeClient(_app).SignInAsync("api.person@example.com", "changed-by-its-owner")).StatusCode);
    }

    private static string? PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is not { } location ? null : new Uri(new Uri("http://localhost"), location).AbsolutePath;

    private async Task<string> AnswerToAsync(string email, string password)
    {
        var page = await (await new BrowserLikeClient(_app).SignInAsync(email, password)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(FormError().Match(page) is { Success: true } error ? error.Groups[1].Value : "(no error shown)");
    }

    private async Task<Dashboard.Access.People.OneTimePassword> OneTimePersonAsync(string email, string role) =>
        (await (await _app.CreateApiClient().PostAsJsonAsync("/api/admin/users", new { email, role }))
            .Content.ReadFromJsonAsync<Dashboard.Access.People.OneTimePassword>())!;

    [GeneratedRegex("<div class=\"form-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex FormError();
}
