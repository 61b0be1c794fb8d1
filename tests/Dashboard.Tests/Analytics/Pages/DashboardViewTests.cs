using Dashboard.Analytics.Pages;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>The phone's one-line filter bar says what the view applies.</summary>
public sealed class DashboardViewTests
{
    [Fact]
    public void TheDefaultViewIsItsPeriod() => Assert.Equal("Last 90 days", new DashboardView().Describe());

    [Fact]
    public void EachFacetChosenFollowsThePeriodNamedAsItsChipNamesIt()
    {
        var view = new DashboardView(Range: "all", Vacancy: "v7", Source: "LinkedIn");

        Assert.Equal("All time · Vacancy: Nurse (NU-06) · Source: LinkedIn",
            view.Describe((facet, value) => facet == "Vacancy" ? "Nurse (NU-06)" : value));
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-31", "1 Oct 2026 – 31 Oct 2026")]
    [InlineData("2026-10-01", null, "from 1 Oct 2026")]
    [InlineData(null, "2026-10-31", "until 31 Oct 2026")]
    public void ACustomPeriodIsNamedByItsDays(string? from, string? to, string expected) =>
        Assert.Equal(expected, DashboardView.FromQuery("custom", from, to, null, null, null, null).Describe());
}
