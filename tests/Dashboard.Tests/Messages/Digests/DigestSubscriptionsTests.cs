using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Messages.Digests;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.Digests;

/// <summary>What the Email digests page does for a person: subscribe to a view they paste, see their own, stop one.</summary>
public sealed class DigestSubscriptionsTests : IAsyncLifetime
{
    private readonly MessagesHarness _harness = new();
    private DashboardApplication _app = null!;

    public Task InitializeAsync()
    {
        _app = _harness.StartApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task APersonSubscribesToAPastedViewAndSeesItWithItsNextTimeInTheAgencysZone()
    {
        var sam = await PageUserAsync(await MessagesHarness.AddRecruiterAsync(_app, "sam@agency.example"));
        var kim = await PageUserAsync(await MessagesHarness.AddRecruiterAsync(_app, "kim@agency.example"));
        var digests = _app.Services.GetRequiredService<DigestSubscriptions>();

        Assert.Null(await digests.SubscribeAsync(new DigestRequest(" LinkedIn weekly ", $"{MessagesHarness.PublicUrl}/sources?range=30d&source=LinkedIn",
            DigestCadence.Weekly, 8, DayOfWeek.Monday), sam, CancellationToken.None));
        Assert.Null(await digests.SubscribeAsync(new DigestRequest("Kim's", "", DigestCadence.Daily, 7, DayOfWeek.Monday), kim, CancellationToken.None));

        var row = Assert.Single(await digests.ListAsync(sam, CancellationToken.None));
        Assert.Equal(("LinkedIn weekly", "Sources", "/sources?range=30d&source=LinkedIn", "Weekly on Monday at 08:00"),
            (row.Name, row.Page, row.Address, row.Schedule));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), row.NextAt);
        Assert.Null(row.LastSentAt);

        Assert.False(await digests.StopAsync(row.Id, kim, CancellationToken.None));
        Assert.True(await digests.StopAsync(row.Id, sam, CancellationToken.None));
        Assert.Empty(await digests.ListAsync(sam, CancellationToken.None));
        Assert.Single(await digests.ListAsync(kim, CancellationToken.None));
    }

    [Theory]
    [InlineData("", "/", 8, "Give the digest a name")]
    [InlineData("Mine", "/admin/people", 8, "A digest shows one of the dashboard's pages")]
    [InlineData("Mine", "/", 24, "The hour is one from 0 to 23.")]
    public async Task ADigestThatCannotWorkIsRefusedWithTheReason(string name, string view, int hour, string reason)
    {
        var sam = await PageUserAsync(await MessagesHarness.AddRecruiterAsync(_app, "sam@agency.example"));
        var digests = _app.Services.GetRequiredService<DigestSubscriptions>();

        var problem = await digests.SubscribeAsync(new DigestRequest(name, view, DigestCadence.Daily, hour, DayOfWeek.Monday), sam, CancellationToken.None);

        Assert.StartsWith(reason, problem);
        Assert.Empty(await digests.ListAsync(sam, CancellationToken.None));
    }

    [Fact]
    public async Task ThePageListsThePersonsDigests()
    {
        var admin = (await _app.Services.GetRequiredService<UserManager<DashboardUser>>().FindByEmailAsync(MessagesHarness.AdminEmail))!;
        await _harness.SubscribeAsync(_app, admin.Id, "Monday overview", "/?range=7d");

        var page = await MessagesHarness.AdminPageAsync(_app, "/digests");

        Assert.Contains("Monday overview", page);
        Assert.Contains("Weekly on Monday at 08:00", page);
        Assert.Contains("Mon 30 Nov 2026, 08:00 Europe/Berlin (UTC+01:00)", page);
        Assert.Contains("not yet", page);
    }

    [Fact]
    public async Task ATokenCannotSubscribe()
    {
        var id = await MessagesHarness.AddRecruiterAsync(_app, "sam@agency.example");
        var byToken = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "token"));

        await Assert.ThrowsAsync<RefusedActionException>(() => _app.Services.GetRequiredService<DigestSubscriptions>()
            .SubscribeAsync(new DigestRequest("x", "/", DigestCadence.Daily, 8, DayOfWeek.Monday), byToken, CancellationToken.None));
    }

    /// <summary>The user an open page holds: what the sign-in cookie gave its circuit when it connected.</summary>
    private async Task<ClaimsPrincipal> PageUserAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>().FindByIdAsync(userId);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>().CreateAsync(person!);
        var sessions = _app.Services.GetRequiredService<SignInSessionStore>();
        var key = await sessions.StoreAsync(new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = _harness.Clock.GetUtcNow().AddHours(1) }, IdentityConstants.ApplicationScheme));
        return (await sessions.RetrieveAsync(key))!.Principal;
    }
}
