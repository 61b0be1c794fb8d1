using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Digests;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.Digests;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void AWeeklyDigestIsDueAtItsHourOnItsDayOfTheAgencysWeek()
    {
        var schedule = new DigestSchedule(DigestCadence.Weekly, 8, DayOfWeek.Monday);
        var sundayNoon = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal((new DateOnly(2026, 11, 23), new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero)), schedule.LatestDue(sundayNoon, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), schedule.NextDue(sundayNoon, Berlin));
        // Monday 08:00 in New York is 13:00 UTC: at 12:00 UTC that Monday it is still last week's.
        Assert.Equal(new DateOnly(2026, 11, 23), schedule.LatestDue(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), NewYork).Day);
        Assert.Equal(new DateOnly(2026, 11, 30), schedule.LatestDue(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), NewYork).Day);
    }

    [Fact]
    public void ADailyDigestKeepsItsHourOfTheAgencysDayAcrossTheClockChange()
    {
        var schedule = new DigestSchedule(DigestCadence.Daily, 8, DayOfWeek.Monday);
        // Berlin moves from UTC+1 to UTC+2 in the night to Sunday 28 March 2027.
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 7, 0, 0, TimeSpan.Zero), schedule.NextDue(new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), schedule.NextDue(new DateTimeOffset(2027, 3, 27, 8, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void AnHourTheClocksSkipComesWhenTheyReachItAndOneTheyRepeatComesTheFirstTime()
    {
        // 02:30 does not happen in Berlin on 28 March 2027 (02:00 → 03:00); 02:00 happens twice on 31 October 2027.
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), ZonedTime.Instant(new DateOnly(2027, 3, 28), 2, Berlin));
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 0, 0, TimeSpan.Zero), ZonedTime.Instant(new DateOnly(2027, 10, 31), 2, Berlin));
    }

    [Fact]
    public void InstantsAreWrittenInTheZoneAndSayWhichZone()
    {
        var instant = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal("Mon 30 Nov 2026, 08:00 Europe/Berlin (UTC+01:00)", ZonedTime.Format(instant, Berlin));
        Assert.Equal("Mon 30 Nov 2026, 02:00 America/New_York (UTC-05:00)", ZonedTime.Format(instant, NewYork));
        Assert.Equal("Mon 30 Nov 2026, 07:00 UTC", ZonedTime.Format(instant, TimeZoneInfo.Utc));
    }

    [Fact]
    public void AViewWithoutItsOwnPeriodCoversTheDayOrWeekBeforeTheDigest()
    {
        var monday = new DateOnly(2026, 11, 30);
        var weekly = new DigestView("/sources", "source=LinkedIn").FilterFor(monday, DigestCadence.Weekly);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), "LinkedIn"), (weekly.From, weekly.To, weekly.Source));
        var daily = new DigestView("/", "").FilterFor(monday, DigestCadence.Daily);
        Assert.Equal((new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29)), (daily.From, daily.To));
        // A view that names its period keeps it, as its page would show it that day.
        var ownPeriod = new DigestView("/", "range=30d").FilterFor(monday, DigestCadence.Weekly);
        Assert.Equal((new DateOnly(2026, 11, 1), monday), (ownPeriod.From, ownPeriod.To));
    }

    [Theory]
    [InlineData("https://dashboard.example.com/sources?range=30d&source=LinkedIn", "/sources", "range=30d&source=LinkedIn")]
    [InlineData("/funnel", "/funnel", "")]
    [InlineData("", "/", "")]
    [InlineData("/?range=7d", "/", "range=7d")]
    public void AViewIsReadFromThePagesAddress(string address, string page, string query)
    {
        var view = DigestView.Parse(address, out var problem);
        Assert.Null(problem);
        Assert.Equal(new DigestView(page, query), view);
    }

    [Fact]
    public void AnAddressThatIsNoDashboardPageIsRefused()
    {
        Assert.Null(DigestView.Parse("/admin/people", out var problem));
        Assert.StartsWith("A digest shows one of the dashboard's pages", problem);
    }
}
