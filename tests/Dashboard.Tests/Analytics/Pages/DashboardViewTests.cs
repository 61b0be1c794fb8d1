using Dashboard.Analytics.Pages;
using Dashboard.Messages.AgencyZone;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>The phone's one-line filter bar says what the view applies; its presets are the agency's days.</summary>
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

    [Fact]
    public void PresetsCountFromTheAgencysTodayAndCutItsDays()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Sunday 29 March 2026, 22:30 UTC: already Monday 30 March, 00:30, in Berlin (summer time since 01:00 UTC).
        var today = ZonedTime.Today(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), berlin);
        Assert.Equal(new DateOnly(2026, 3, 30), today);

        var day = new DashboardView("today").ToFilter(today, berlin);
        Assert.Equal((Utc("2026-03-29T22:00:00Z"), Utc("2026-03-30T22:00:00Z")), (day.FromUtc, day.ToUtcExclusive));

        // Seven of Berlin's days from Tuesday 24 March, 00:00 CET; the last but one is 23 hours long.
        var week = new DashboardView("7d").ToFilter(today, berlin);
        Assert.Equal((Utc("2026-03-23T23:00:00Z"), TimeSpan.FromHours(7 * 24 - 1)), (week.FromUtc, week.ToUtcExclusive - week.FromUtc));

        var month = new DashboardView("month").ToFilter(today, berlin);
        Assert.Equal((new DateOnly(2026, 3, 1), Utc("2026-02-28T23:00:00Z")), (month.From, month.FromUtc));

        // In UTC the same instant is still Sunday.
        Assert.Equal(new DateOnly(2026, 3, 29), ZonedTime.Today(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    private static DateTime Utc(string instant) => DateTime.Parse(instant, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
