using Dashboard.Messages.AgencyZone;

namespace Dashboard.Analytics.Components;

/// <summary>
/// What a page's polite live region says when its figures move by themselves. A screen reader hears at most one
/// sentence per <see cref="QuietFor"/>, however often the figures change (they may change twice a second): an update
/// inside the quiet time waits and is said when it is over, so the last change is never left unsaid. The figures a
/// page opens with are the page itself, not news.
/// </summary>
public sealed class LiveAnnouncements(TimeSpan quietFor)
{
    public static readonly TimeSpan OncePerMinute = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _firstRead;
    private DateTimeOffset _lastSaid;
    private DateTimeOffset? _waiting;

    public TimeSpan QuietFor { get; } = quietFor;

    /// <summary>The zone the time said is in.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>What the live region holds now; it changes only when something is to be said.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The page read its figures again at <paramref name="asOf"/>. Returns when to call <see cref="Due"/>, if something waits.</summary>
    public DateTimeOffset? FiguresRead(DateTimeOffset asOf)
    {
        if (_firstRead is null)
        {
            (_firstRead, _lastSaid) = (asOf, asOf);
            return null;
        }
        _waiting = asOf;
        return Due(asOf);
    }

    /// <summary>Says the latest update once the quiet time is over; otherwise returns when to ask again.</summary>
    public DateTimeOffset? Due(DateTimeOffset now)
    {
        if (_waiting is not { } latest) return null;
        var allowed = _lastSaid + QuietFor;
        if (now < allowed) return allowed;
        Text = $"Figures updated, as of {ZonedTime.Local(latest, Zone, "HH:mm")} {ZonedTime.Name(Zone)}.";
        (_lastSaid, _waiting) = (now, null);
        return null;
    }
}
