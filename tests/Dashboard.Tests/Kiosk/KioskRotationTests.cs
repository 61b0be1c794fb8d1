using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Pages;
using Dashboard.Kiosk;
using Dashboard.Kiosk.Components;
using Dashboard.Projection;
using Dashboard.Tests.Analytics.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Kiosk;

/// <summary>A wall screen as the room sees it: one page at a time, the next after its seconds, figures only.</summary>
public sealed class KioskRotationTests : BunitContext, IAsyncLifetime
{
    // Generous: on a busy machine the dispatcher may take a while to run a turn; a turn that never comes still fails.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public KioskRotationTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAnalyticsQueries>(new FakeAnalyticsQueries(FakeAnswer.Data));
        Services.AddSingleton(new DashboardChanges(NullLogger<DashboardChanges>.Instance));
        Services.AddSingleton(new Dashboard.Analytics.Pages.CircuitConnection());
        Services.AddSingleton<Dashboard.Messages.AgencyZone.IAgencyTimeZone>(new Dashboard.Messages.AgencyZone.FixedAgencyTimeZone(TimeZoneInfo.Utc));
        Services.AddSingleton<TimeProvider>(_clock);
        Render<MudPopoverProvider>();
    }

    private static KioskPlan Plan(int seconds, params string[] pages) => new(pages.Select(p => DashboardPages.ByName(p)!).ToList(), seconds);

    [Fact]
    public void EachPageTakesItsTurnAndTheFirstComesBack()
    {
        var screen = Render<KioskRotation>(p => p.Add(k => k.Name, "Sales floor").Add(k => k.Plan, Plan(20, "overview", "sources", "funnel")));
        Assert.Equal("Overview", screen.Find("h1").TextContent);
        Assert.Contains("Overview · 1 of 3", screen.Find("[data-testid=kiosk-position]").TextContent);

        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("Overview", screen.Find("h1").TextContent);

        foreach (var next in new[] { "Sources", "Funnel", "Overview" })
        {
            _clock.Advance(TimeSpan.FromSeconds(20));
            screen.WaitForAssertion(() => Assert.Equal(next, screen.Find("h1").TextContent), Patience);
        }
    }

    [Fact]
    public void AWallScreenShowsFiguresWithoutFiltersDownloadsOrAnythingToClick()
    {
        var screen = Render<KioskRotation>(p => p.Add(k => k.Name, "Sales floor").Add(k => k.Plan, Plan(30, "sources")));

        screen.WaitForAssertion(() => Assert.Contains("LinkedIn", screen.Markup), Patience);
        Assert.Empty(screen.FindAll("[data-testid=filter-summary], [data-testid=filter-panel]"));
        Assert.Empty(screen.FindAll("[data-testid=sources-chart-csv]"));
        Assert.Empty(screen.FindAll("button.chart-table-toggle"));
        Assert.Contains("Live · as of", screen.Markup);
    }

    [Fact]
    public void ARevokedScreenGoesDarkAtItsNextTurn()
    {
        var allowed = true;
        var screen = Render<KioskRotation>(p => p.Add(k => k.Name, "Lobby").Add(k => k.Plan, Plan(10, "overview", "quality"))
            .Add(k => k.StillAllowed, _ => Task.FromResult(allowed)));

        _clock.Advance(TimeSpan.FromSeconds(10));
        screen.WaitForAssertion(() => Assert.Equal("Data quality", screen.Find("h1").TextContent), Patience);
        allowed = false;
        _clock.Advance(TimeSpan.FromSeconds(10));

        screen.WaitForAssertion(() => Assert.Contains(KioskRotation.Revoked, screen.Find("[data-testid=kiosk-ended]").TextContent), Patience);
        Assert.Empty(screen.FindAll("h1"));
        Assert.DoesNotContain("Referral hires", screen.Markup);
    }

    [Theory]
    [InlineData(null, null, "overview,sources,locations,funnel,referrals,quality", 30)]
    [InlineData("funnel, overview,funnel", "12", "funnel,overview", 12)]
    [InlineData("QUALITY", "3600", "quality", 3600)]
    public void AKioskAddressReadsItsPagesAndSeconds(string? pages, string? seconds, string expectedPages, int expectedSeconds)
    {
        Assert.True(KioskPlan.TryRead(pages, seconds, out var plan, out _));
        Assert.Equal((expectedPages, expectedSeconds), (plan.PageNames, plan.Seconds));
    }

    [Theory]
    [InlineData("overview,admin", null)]
    [InlineData(null, "4")]
    [InlineData(null, "3601")]
    [InlineData(null, "-5")]
    [InlineData(null, "1e3")]
    public void AWrongKioskAddressIsRefused(string? pages, string? seconds) =>
        Assert.False(KioskPlan.TryRead(pages, seconds, out _, out _));

    [Fact]
    public void AScreensAddressMayAskForFewerOfItsPagesButNoOthers()
    {
        var allowed = Plan(30, "overview", "funnel");

        Assert.True(KioskPlan.TryReadWithin(allowed, "funnel", "10", out var fewer, out _));
        Assert.Equal(("funnel", 10), (fewer.PageNames, fewer.Seconds));
        Assert.True(KioskPlan.TryReadWithin(allowed, null, null, out var all, out _));
        Assert.Equal(("overview,funnel", 30), (all.PageNames, all.Seconds));
        Assert.False(KioskPlan.TryReadWithin(allowed, "overview,sources", null, out _, out var problem));
        Assert.Equal("This wall screen shows only overview, funnel.", problem);
    }
}
