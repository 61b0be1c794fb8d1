namespace Dashboard.Deliveries.Quality;

/// <summary>A signed change to one quarter's counts: +1 for what was added, −1 for what was taken away.</summary>
public readonly record struct QualityDelta(
    long Quarter, long Deliveries = 0, long DuplicateDeliveries = 0, long Quarantined = 0, long QuarantinedEnvelopes = 0,
    long OutOfOrder = 0, long RepeatedEvents = 0)
{
    public const long TicksPerQuarter = TimeSpan.TicksPerMinute * 15;

    public static long QuarterOf(DateTime utc) => utc.Ticks / TicksPerQuarter;

    public static DateTime StartOf(long quarter) => new(quarter * TicksPerQuarter, DateTimeKind.Utc);

    public bool IsZero => Deliveries == 0 && DuplicateDeliveries == 0 && Quarantined == 0 && QuarantinedEnvelopes == 0
                          && OutOfOrder == 0 && RepeatedEvents == 0;

    public static QualityDelta operator +(QualityDelta a, QualityDelta b) => new(a.Quarter,
        a.Deliveries + b.Deliveries, a.DuplicateDeliveries + b.DuplicateDeliveries, a.Quarantined + b.Quarantined,
        a.QuarantinedEnvelopes + b.QuarantinedEnvelopes, a.OutOfOrder + b.OutOfOrder, a.RepeatedEvents + b.RepeatedEvents);

    public static QualityDelta operator -(QualityDelta a) => new(a.Quarter, -a.Deliveries, -a.DuplicateDeliveries, -a.Quarantined,
        -a.QuarantinedEnvelopes, -a.OutOfOrder, -a.RepeatedEvents);
}
