using System.Net.Http.Json;
using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Access.People;
using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Admin.Privacy;
using Dashboard.Analytics.Funnel;
using Dashboard.Deliveries;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Alerts;
using Dashboard.Messages.Outbox;
using Dashboard.SenderKeys;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Access.SignIn;

namespace Dashboard.Tests.Access.Rights;

/// <summary>
/// An open admin page holds the user it was opened with. Every admin service checks that person against the store
/// when an action runs, so a page opened before a demotion, a disablement or a sign-out changes nothing.
/// </summary>
public sealed class AdminActionsRecheckTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);
    private string _adminId = "";
    private string _otherId = "";

    public async Task InitializeAsync()
    {
        _adminId = await PeopleOfEveryStanding.AddPersonAsync(_app, "page.holder@example.com", Password, Roles.Admin);
        _otherId = await PeopleOfEveryStanding.AddPersonAsync(_app, "colleague@example.com", Password, Roles.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Each admin action a page offers, as the page calls it.</summary>
    private IEnumerable<(string Name, Func<ClaimsPrincipal, Task> Act)> AdminActions()
    {
        var services = _app.Services;
        T Get<T>() where T : notnull => services.GetRequiredService<T>();
        yield return ("create a person", p => Get<PeopleAdmin>().CreateAsync("new.person@example.com", Roles.Admin, p, default));
        yield return ("change a role", p => Get<PeopleAdmin>().SetRoleAsync(_otherId, Roles.Recruiter, p, default));
        yield return ("disable a person", p => Get<PeopleAdmin>().SetDisabledAsync(_otherId, true, p, default));
        yield return ("reset a password", p => Get<PeopleAdmin>().ResetPasswordAsync(_otherId, p, default));
        yield return ("sign someone out everywhere", p => Get<PeopleAdmin>().SignOutEverywhereAsync(_otherId, p, default));
        yield return ("generate a key", p => Get<SenderKeyAdmin>().CreateAsync("idibu", p, default));
        yield return ("rotate keys", p => Get<SenderKeyAdmin>().RotateAsync("idibu", TimeSpan.Zero, p, default));
        yield return ("revoke a key", p => Get<SenderKeyAdmin>().RevokeAsync(1, p, default));
        yield return ("save sender checks", p => Get<SenderChecksAdmin>().SaveAsync("firstbird", new SenderSecurityChange(null, null, "10.0.0.0/8", null, false), p, default));
        yield return ("save the funnel", p => Get<FunnelEditor>().SaveAsync(new FunnelChange(["Only stage"], new Dictionary<string, string?>()), p, default));
        yield return ("replay a delivery", p => Get<DeliveryReplay>().ReplayAsync([1], p, default));
        yield return ("rebuild the figures", p => Get<DeliveryReplay>().StartRebuildAsync(p, default));
        yield return ("erase a candidate", p => Get<PersonalData>().EraseAsync("someone@example.com", p, default));
        yield return ("apply retention", p => Get<PersonalData>().ApplyRetentionAsync(1, p, default));
        yield return ("load sample data", p => Get<SampleDataLoader>().LoadAsync(1, p, null, default));
        yield return ("set the agency's time zone", p => Get<AgencyTimeZone>().SetAsync("Europe/Paris", p, default));
        yield return ("save an alert rule", p => Get<AlertRulesAdmin>().SaveAsync(new AlertRuleInput(null, "quiet", AlertKind.QuietSender, "idibu", 24,
            null, FigurePeriod.Today, Comparison.Below, null, "ops@example.com", "https://hooks.example.com/x"), p, default));
        yield return ("delete an alert rule", p => Get<AlertRulesAdmin>().DeleteAsync(1, p, default));
        yield return ("send a failed message again", p => Get<OutboxQueries>().SendAgainAsync(1, p, default));
    }

    [Fact]
    public async Task APageOpenedBeforeADemotionChangesNothing()
    {
        var page = await PageUserAsync(_adminId);
        await DemoteAsync(_adminId);

        await AssertEveryActionRefusedAsync(page, ActingPerson.NoLongerAdmin);
    }

    [Fact]
    public async Task APageOpenedBeforeItsPersonWasDisabledChangesNothing()
    {
        var page = await PageUserAsync(_adminId);
        (await _app.CreateApiClient().PostAsync($"/api/admin/users/{_adminId}/disable", null)).EnsureSuccessStatusCode();

        await AssertEveryActionRefusedAsync(page, ActingPerson.NoLongerAdmin);
    }

    [Fact]
    public async Task APageWhoseSessionEndedChangesNothingThoughThePersonIsStillAdmin()
    {
        var page = await PageUserAsync(_adminId);
        await _app.Services.GetRequiredService<SignInSessionStore>().EndAllAsync(_adminId, keepSessionId: null, default);

        await AssertEveryActionRefusedAsync(page, ActingPerson.NoLongerAdmin);
    }

    [Fact]
    public async Task TheSamePageActsWhileItsPersonIsStillAnAdmin()
    {
        var page = await PageUserAsync(_adminId);

        var (created, problem) = await _app.Services.GetRequiredService<PeopleAdmin>().CreateAsync("welcome@example.com", Roles.Recruiter, page, default);

        Assert.Null(problem);
        Assert.Equal("welcome@example.com", created!.Email);
    }

    private async Task AssertEveryActionRefusedAsync(ClaimsPrincipal page, string message)
    {
        var before = await StoreFingerprintAsync();
        foreach (var (name, act) in AdminActions())
        {
            var refused = await Assert.ThrowsAsync<RefusedActionException>(() => act(page));
            Assert.True(refused.Message == message, $"{name}: {refused.Message}");
        }
        Assert.Equal(before, await StoreFingerprintAsync());
    }

    /// <summary>The user an open page holds: what the sign-in cookie gave its circuit when it connected.</summary>
    private async Task<ClaimsPrincipal> PageUserAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var person = await users.FindByIdAsync(userId);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>().CreateAsync(person!);
        var sessions = _app.Services.GetRequiredService<SignInSessionStore>();
        var key = await sessions.StoreAsync(new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.ApplicationScheme));
        var ticket = await sessions.RetrieveAsync(key);
        Assert.Contains(ticket!.Principal.Claims, c => c.Type == ClaimTypes.Role && c.Value == Roles.Admin);
        return ticket.Principal;
    }

    private async Task DemoteAsync(string userId) =>
        (await _app.CreateApiClient().PutAsJsonAsync($"/api/admin/users/{userId}/role", new { role = Roles.Recruiter })).EnsureSuccessStatusCode();

    /// <summary>What any admin action would change: people, roles, sessions, keys, checks, the funnel, the audit log.</summary>
    private async Task<string> StoreFingerprintAsync()
    {
        await using var db = await _app.CreateDbContextAsync();
        return string.Join(" ",
            await db.Users.CountAsync(u => !u.Disabled && !u.MustChangePassword),
            await db.UserRoles.CountAsync(),
            await db.Set<SignInSession>().CountAsync(),
            await db.SenderKeys.CountAsync(k => k.RevokedAt == null && k.ExpiresAt == null),
            await db.Set<SenderSettings>().CountAsync(),
            await db.FunnelStages.CountAsync(),
            await db.Set<AgencySetting>().CountAsync(),
            await db.Set<AlertRule>().CountAsync(),
            await db.Set<Dashboard.Admin.Audit.AuditEntry>().CountAsync());
    }
}
