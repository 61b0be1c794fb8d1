using Dashboard.Analytics.Components;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>A page's live updates reach a screen reader politely: at most once a minute, and the last one always.</summary>
public sealed class LiveAnnouncementsTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFiguresAPageOpensWithAreNotAnnounced()
    {
        var live = new LiveAnnouncements(LiveAnnouncements.OncePerMinute);

        Assert.Null(live.FiguresRead(Opened));

        Assert.Equal("", live.Text);
    }

    [Fact]
    public void UpdatesTwiceASecondAreAnnouncedOnceAMinuteWithTheLatestTime()
    {
        var live = new LiveAnnouncements(LiveAnnouncements.OncePerMinute);
        live.FiguresRead(Opened);
        var said = new List<string>();

        for (var tick = 1; tick <= 240; tick++)
        {
            var now = Opened.AddSeconds(tick * 0.5);
            live.FiguresRead(now);
            if (said.LastOrDefault() != live.Text && live.Text != "") said.Add(live.Text);
        }

        Assert.Equal(["Figures updated, as of 10:01 UTC.", "Figures updated, as of 10:02 UTC."], said);
    }

    [Fact]
    public void AnUpdateInsideTheQuietMinuteWaitsAndIsSaidWhenItEnds()
    {
        var live = new LiveAnnouncements(LiveAnnouncements.OncePerMinute);
        live.FiguresRead(Opened);

        var due = live.FiguresRead(Opened.AddSeconds(20));

        Assert.Equal(Opened.AddMinutes(1), due);
        Assert.Equal("", live.Text);
        Assert.Equal(Opened.AddMinutes(1), live.Due(Opened.AddSeconds(59)));
        Assert.Null(live.Due(Opened.AddMinutes(1)));
        Assert.Equal("Figures updated, as of 10:00 UTC.", live.Text);
        Assert.Null(live.Due(Opened.AddMinutes(5)));
    }
}
