using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Components;
using Dashboard.Analytics.Pages;
using Dashboard.Tests.Analytics.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>The list behind a bar: each row leads to its candidate, and what was clicked can filter the whole page.</summary>
public sealed class CandidateDrillDownTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public CandidateDrillDownTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAnalyticsQueries>(new FakeAnalyticsQueries(FakeAnswer.Data));
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void FilterThePageByWhatWasClickedGivesThePagesViewNarrowedToIt()
    {
        DashboardView? asked = null;
        var view = new DashboardView("30d", Consultant: "c1");
        var list = Render<CandidateDrillDown>(p => p
            .Add(d => d.Title, "Candidates from LinkedIn")
            .Add(d => d.Filter, AnalyticsFilter.None with { Source = "LinkedIn" })
            .Add(d => d.Narrowings, [PageNarrowing.BySource(view, "LinkedIn")])
            .Add(d => d.OnNarrow, v => asked = v));

        var button = list.Find("[data-testid=drill-down-narrow]");
        Assert.Equal("Filter the page by Source: LinkedIn", button.TextContent.Trim());
        button.Click();

        Assert.Equal(view with { Source = "LinkedIn" }, asked);
    }

    [Fact]
    public void WithNothingToNarrowByThereIsNoSuchButton()
    {
        var list = Render<CandidateDrillDown>(p => p.Add(d => d.Title, "Candidates who reached Offer").Add(d => d.Filter, AnalyticsFilter.None));

        Assert.Empty(list.FindAll("[data-testid=drill-down-narrow]"));
    }

    [Fact]
    public void EveryRowLeadsToItsCandidatesPage()
    {
        var list = Render<CandidateDrillDown>(p => p.Add(d => d.Title, "Candidates").Add(d => d.Filter, AnalyticsFilter.None));

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=candidate-link]")), TimeSpan.FromSeconds(15));
        var link = list.Find("[data-testid=candidate-link]");
        Assert.Equal("Jess Quincy", link.TextContent);
        // The id is the sender's text: escaped into one path segment.
        Assert.Equal("candidates/c%207%2F8", link.GetAttribute("href"));
    }

    [Fact]
    public void ARowsInstantIsShownInTheZoneOfItsFigureAndTheColumnSaysWhich()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var list = Render<CandidateDrillDown>(p => p.Add(d => d.Title, "Candidates").Add(d => d.Filter, AnalyticsFilter.None with { Zone = newYork }));

        // Created 2026-03-01 09:00 UTC: 04:00 in New York (EST, UTC-05:00).
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=candidate-link]")), TimeSpan.FromSeconds(15));
        Assert.Contains(list.FindAll("th"), th => th.TextContent.Trim() == "Created (America/New_York)");
        Assert.Contains(list.FindAll("td"), td => td.TextContent.Trim() == "2026-03-01 04:00");
        Assert.DoesNotContain("2026-03-01 09:00", list.Markup);
    }

    [Fact]
    public void AWeekOfAChartIsCutToThePeriodThePageShows()
    {
        var today = new DateOnly(2026, 11, 30);
        var view = new DashboardView("7d");

        var cut = PageNarrowing.ToWeek(view, today, new DateOnly(2026, 11, 23));
        var whole = PageNarrowing.ToWeek(view with { Range = "all" }, today, new DateOnly(2026, 11, 23));

        Assert.Equal(("custom", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 29)), (cut.View.Range, cut.View.From, cut.View.To));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (whole.View.From, whole.View.To));
        Assert.Equal("week of 23 Nov 2026", whole.Label);
    }
}
