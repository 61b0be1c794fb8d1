using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Pages;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>The funnel page of an agency with thousands of vacancies: a page of them at a time, busiest first.</summary>
public sealed class FunnelPageTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private sealed class ManyVacancies(int count) : FakeAnalyticsQueries(FakeAnswer.Data)
    {
        public override Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<VacancyFunnel>>(Enumerable.Range(1, count)
                .Select(i => new VacancyFunnel($"v{i}", $"Vacancy {i:D4}", [count - i + 1, 0], 0)).ToList());
    }

    private IRenderedComponent<FunnelPage> RenderWith(int vacancies)
    {
        this.ServeDashboardPages(new ManyVacancies(vacancies));
        return Render<FunnelPage>();
    }

    private static IReadOnlyList<string> Rows(IRenderedComponent<FunnelPage> page) =>
        page.FindAll("[data-testid=vacancy-funnels] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public void TwentyFiveAreShownAndThePagerSaysHowManyThereAre()
    {
        var page = RenderWith(60);

        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        Assert.Equal("Vacancy 0001", Rows(page)[0]);
        Assert.Contains("Vacancies 1–25 of 60", page.Find("[data-testid=vacancy-funnels-pager]").TextContent);
    }

    [Fact]
    public void TheLastPageShowsWhatIsLeft()
    {
        var page = RenderWith(60);
        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));

        page.FindAll("[data-testid=vacancy-funnels-pager] button").Single(b => b.GetAttribute("aria-label")?.Contains("3") == true).Click();

        page.WaitForAssertion(() => Assert.Equal(Enumerable.Range(51, 10).Select(i => $"Vacancy {i:D4}"), Rows(page)));
        Assert.Contains("Vacancies 51–60 of 60", page.Find("[data-testid=vacancy-funnels-pager]").TextContent);
    }

    [Fact]
    public void AFewVacanciesNeedNoPager()
    {
        var page = RenderWith(25);

        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        Assert.Empty(page.FindAll("[data-testid=vacancy-funnels-pager]"));
    }
}
