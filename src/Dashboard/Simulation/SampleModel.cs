namespace Dashboard.Simulation;

/// <summary>
/// The options of a generated run. Everything follows from <see cref="Seed"/>, <see cref="Start"/> and the
/// <see cref="World"/>; the defaults are the small world tests and the sample-data loader rely on.
/// </summary>
public sealed record SampleTrafficOptions
{
    public int Candidates { get; init; } = 200;
    public int Seed { get; init; } = 1;
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How long candidates keep arriving (and referrals being received) from <see cref="Start"/>.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(56);

    /// <summary>Who and what the traffic is about; unset, the small fixed cast of eight vacancies.</summary>
    public SampleWorld World { get; init; } = SampleWorld.Small;

    public double DuplicateShare { get; init; } = 0.05;
    public double LateShare { get; init; } = 0.05;
    public int? Referrals { get; init; }

    /// <summary>Events per firstbird batch; unset packs one to ten, as firstbird does for a quiet account.</summary>
    public int? FirstbirdBatchSize { get; init; }

    /// <summary>Numbers the first candidate and referral, so several runs can fill one store without sharing ids.</summary>
    public int FirstNumber { get; init; } = 1;

    /// <summary>
    /// A mid-size agency's traffic over <see cref="SampleWorld.AgencyYears"/> years, its world sized for
    /// <paramref name="candidates"/> (see <see cref="SampleWorld.Agency"/>).
    /// </summary>
    public static SampleTrafficOptions Agency(int candidates, int seed = 1)
    {
        var world = SampleWorld.Agency(candidates);
        return new SampleTrafficOptions { Candidates = candidates, Seed = seed, World = world, Start = world.Start, Period = world.Period };
    }
}

/// <summary>One request as a sender would make it; <see cref="At"/> and <see cref="Subject"/> are for tests, never sent.</summary>
public sealed record SampleDelivery(
    string Provider, byte[] Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At, string? Subject,
    bool IsDuplicate = false, bool IsLate = false);

/// <summary>What was sent, counted from the generator's own model rather than by reading the bodies back.</summary>
public sealed record SampleTruth(
    IReadOnlyDictionary<string, int> CandidatesBySource,
    IReadOnlyDictionary<string, int> PlacedBySource,
    IReadOnlyDictionary<string, int> CandidatesByConsultant,
    IReadOnlyDictionary<string, int> FunnelReached,
    int CurrentRejectedPairs,
    int ReferralsReceived,
    int ReferralsHired,
    int RewardEligibleHires,
    int ReferralsDeleted,
    int DuplicatesSent);

/// <summary>The deliveries, what they mean for the figures, and (for reports) how the run is spread over its world.</summary>
public sealed record SampleTraffic(IReadOnlyList<SampleDelivery> Deliveries, SampleTruth Truth, SampleShape? Shape = null);

/// <summary>How a run's candidates spread over the world: what the figures are computed over, for reports.</summary>
public sealed record SampleShape(
    int Candidates,
    int Pairs,
    IReadOnlyDictionary<string, int> PairsByVacancy,
    IReadOnlyDictionary<string, int> PairsByLocation,
    IReadOnlyCollection<string> StatusKeys,
    int MostVacanciesOnOneCandidate,
    DateTimeOffset FirstCreated,
    DateTimeOffset LastCreated);

internal sealed record SampleVacancy(string Id, string Title, string Reference, string? Place, string? Country);

internal sealed record SampleConsultant(string ProfileId, string FirstName, string LastName);

internal sealed record SampleStatus(string Id, string Type, string Label, string? Stage);

/// <summary>A status a pair held from <see cref="At"/> on.</summary>
internal sealed record SampleStep(string VacancyId, SampleStatus Status, DateTimeOffset At);

internal sealed record SampleCandidate(
    string Id, string FirstName, string LastName, string? Source, SampleConsultant Consultant, DateTimeOffset CreatedAt,
    IReadOnlyList<SampleStep> Steps);

internal sealed record SampleReferralEvent(string Name, string ApplicationId, DateTimeOffset At, Dictionary<string, object?> Fields);
