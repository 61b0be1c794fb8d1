using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Access;
using Dashboard.Access.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Support;

/// <summary>One caller: a browser holding a person's sign-in cookie, or a script holding their personal token.</summary>
public sealed record Caller(string Name, string Standing, bool ByToken, HttpClient Http)
{
    public override string ToString() => Name;
}

/// <summary>
/// A person of each standing, each signed in by cookie and holding a personal token made while they could: an
/// admin, a recruiter, a former admin now disabled, and an admin demoted to recruiter. The last two changed after
/// their cookie and token were issued, which is what revocation is about.
/// </summary>
public sealed class PeopleOfEveryStanding
{
    public const string Password = "standing-password-long";
    public const string Anonymous = "anonymous";
    public const string Admin = "admin";
    public const string Recruiter = "recruiter";
    public const string Disabled = "disabled";
    public const string Demoted = "demoted";

    private PeopleOfEveryStanding(IReadOnlyList<Caller> callers, IReadOnlyDictionary<string, string> userIds)
    {
        Callers = callers;
        UserIds = userIds;
    }

    /// <summary>The anonymous caller first, then each standing by cookie and by token.</summary>
    public IReadOnlyList<Caller> Callers { get; }
    public IReadOnlyDictionary<string, string> UserIds { get; }

    public static async Task<PeopleOfEveryStanding> SignInAsync(DashboardApplication app)
    {
        var callers = new List<Caller> { new(Anonymous, Anonymous, false, app.CreateClient(new() { AllowAutoRedirect = false })) };
        var ids = new Dictionary<string, string>();
        foreach (var (standing, role) in new[] { (Admin, Roles.Admin), (Recruiter, Roles.Recruiter), (Disabled, Roles.Admin), (Demoted, Roles.Admin) })
        {
            ids[standing] = await AddPersonAsync(app, $"{standing}@example.com", Password, role);
            var browser = new BrowserLikeClient(app);
            await browser.SignInAsync($"{standing}@example.com", Password);
            var token = await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "matrix" })).Content.ReadFromJsonAsync<IssuedToken>();
            var script = app.CreateClient(new() { AllowAutoRedirect = false });
            script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
            callers.Add(new Caller($"{standing} by cookie", standing, false, browser.Http));
            callers.Add(new Caller($"{standing} by token", standing, true, script));
        }

        var operatorToken = app.CreateApiClient();
        (await operatorToken.PostAsync($"/api/admin/users/{ids[Disabled]}/disable", null)).EnsureSuccessStatusCode();
        (await operatorToken.PutAsJsonAsync($"/api/admin/users/{ids[Demoted]}/role", new { role = Roles.Recruiter })).EnsureSuccessStatusCode();
        return new PeopleOfEveryStanding(callers, ids);
    }

    /// <summary>A person with a password of their own (not a one-time one), as if they had already replaced it.</summary>
    public static async Task<string> AddPersonAsync(DashboardApplication app, string email, string password, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await FirstAdminSetup.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var person = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(person, role == Roles.Admin ? [Roles.Admin, Roles.Recruiter] : [Roles.Recruiter]);
        return person.Id;
    }
}
