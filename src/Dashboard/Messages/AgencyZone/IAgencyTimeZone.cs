namespace Dashboard.Messages.AgencyZone;

/// <summary>
/// The agency's time zone as pages and the API read it: the calendar every figure's days and weeks are cut in and
/// every instant is shown in. Components depend on this, so a test can give them a zone without a store.
/// </summary>
public interface IAgencyTimeZone
{
    /// <summary>The zone now in force.</summary>
    Task<TimeZoneInfo> CurrentAsync(CancellationToken ct);
}

/// <summary>One zone that never changes: for a store copy's figures and for tests.</summary>
public sealed class FixedAgencyTimeZone(TimeZoneInfo zone) : IAgencyTimeZone
{
    public Task<TimeZoneInfo> CurrentAsync(CancellationToken ct) => Task.FromResult(zone);
}
