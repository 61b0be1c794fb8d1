using Bunit;
using Dashboard.Analytics.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>The live marker's status region, as a screen reader hears it while figures change every half second.</summary>
public sealed class LiveMarkerTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void FiguresChangingTwiceASecondAreAnnouncedOnceWhenTheMinuteIsOver()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_clock);
        Render<MudPopoverProvider>();
        var marker = Render<LiveMarker>(p => p.Add(m => m.AsOf, _clock.GetUtcNow()));
        var region = () => marker.Find("[data-testid=live-announcement]");
        Assert.Equal("polite", region().GetAttribute("aria-live"));

        for (var tick = 0; tick < 100; tick++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            marker.Render(p => p.Add(m => m.AsOf, _clock.GetUtcNow()));
            Assert.Equal("", region().TextContent);
        }
        _clock.Advance(TimeSpan.FromSeconds(10));

        marker.WaitForAssertion(() => Assert.Equal("Figures updated, as of 10:00 UTC.", region().TextContent));
        Assert.Equal("10:00:50", marker.Find("[data-testid=as-of]").TextContent);
    }

    [Fact]
    public void TheTimeOfTheFiguresIsTheAgencysAndSaysItsZone()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_clock);
        Render<MudPopoverProvider>();
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

        // 10:00 UTC on 30 November is 21:00 in Sydney, on summer time (UTC+11:00).
        var marker = Render<LiveMarker>(p => p.Add(m => m.AsOf, _clock.GetUtcNow()).Add(m => m.Zone, sydney));

        Assert.Equal("21:00:00", marker.Find("[data-testid=as-of]").TextContent);
        Assert.Contains("Australia/Sydney", marker.Find("[data-testid=live-marker]").TextContent);
        Assert.DoesNotContain("UTC", marker.Find("[data-testid=live-marker]").TextContent);
    }
}
