namespace Dashboard.Simulation;

/// <summary>
/// Who and what generated traffic is about: vacancies, consultants, sources, places and idibu statuses, and how a
/// candidate moves among them. <see cref="Small"/> is the fixed cast tests know by name; <see cref="Agency"/> is a
/// mid-size agency whose cast grows with its candidates, so figures are measured over realistic cardinalities.
/// </summary>
public abstract class SampleWorld
{
    public const int AgencyYears = 4;

    /// <summary>Eight vacancies, six sources, five consultants, seven statuses: the world every test relies on.</summary>
    public static SampleWorld Small { get; } = new SmallSampleWorld();

    /// <summary>
    /// An agency sized for <paramref name="candidates"/>: per million about 20,000 vacancies, 300 consultants,
    /// 40 sources, 500 places and 60 statuses, never fewer than <see cref="Small"/> has; a few very popular vacancies
    /// and a long tail, over <paramref name="years"/> years; and one candidate in every
    /// <paramref name="heavyEvery"/> kept on the books for hundreds of vacancies (the first of them on 1,000).
    /// </summary>
    public static SampleWorld Agency(int candidates, int years = AgencyYears, int seed = 1, int heavyEvery = 100_000) =>
        AgencySampleWorld.Build(candidates, years, seed, heavyEvery);

    /// <summary>When the world's history begins; a run starting here (or earlier) announces every vacancy opened before.</summary>
    public abstract DateTimeOffset Start { get; }

    /// <summary>How long the world's history lasts.</summary>
    public abstract TimeSpan Period { get; }

    public abstract SampleWorldSize Size { get; }

    internal abstract SampleCandidate NewCandidate(Random random, DateTimeOffset start, TimeSpan period, int number);

    internal abstract SampleVacancy Vacancy(string id);

    /// <summary>The vacancies a run from <paramref name="start"/> over <paramref name="period"/> announces, and when.</summary>
    internal abstract IEnumerable<(SampleVacancy Vacancy, DateTimeOffset At)> VacanciesAnnounced(DateTimeOffset start, TimeSpan period);

    internal abstract SampleVacancy ReferralVacancy(Random random);
}

/// <summary>How many of each thing a world holds; statuses without a stage count nowhere in the funnel.</summary>
public sealed record SampleWorldSize(int Vacancies, int Consultants, int Sources, int Locations, int Statuses, int StatusesWithoutStage);

/// <summary>The fixed cast of <see cref="SampleCast"/>, moving as the sample traffic always has.</summary>
internal sealed class SmallSampleWorld : SampleWorld
{
    public override DateTimeOffset Start => new SampleTrafficOptions().Start;

    public override TimeSpan Period => TimeSpan.FromDays(56);

    public override SampleWorldSize Size { get; } = new(
        SampleCast.Vacancies.Length, SampleCast.Consultants.Length, SampleCast.Sources.Length,
        SampleCast.Vacancies.Select(v => v.Place).OfType<string>().Distinct().Count(),
        SampleCast.Path.Length + 2, 0);

    internal override SampleCandidate NewCandidate(Random random, DateTimeOffset start, TimeSpan period, int number)
    {
        var created = start.AddMinutes(random.Next(0, (int)period.TotalMinutes));
        var source = SampleCast.Sources[SampleTrafficGenerator.Pick(random, SampleCast.SourceWeights)];
        var consultant = SampleCast.Consultants[random.Next(SampleCast.Consultants.Length)];
        var vacancies = SampleCast.Vacancies.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.3 ? 2 : 1).ToList();

        var steps = new List<SampleStep>();
        foreach (var vacancy in vacancies)
        {
            var at = created.AddMinutes(random.Next(0, 120));
            steps.Add(new SampleStep(vacancy.Id, SampleCast.Applicants, at));
            for (var stage = 1; stage < SampleCast.Path.Length; stage++)
            {
                at = at.AddHours(random.Next(20, 24 * 7));
                if (random.NextDouble() < SampleCast.Progress[stage - 1])
                {
                    steps.Add(new SampleStep(vacancy.Id, SampleCast.Path[stage], at));
                    continue;
                }
                var drop = random.NextDouble();
                if (drop < 0.6) steps.Add(new SampleStep(vacancy.Id, SampleCast.Rejected, at));
                else if (drop < 0.8) steps.Add(new SampleStep(vacancy.Id, SampleCast.KeepOnFile, at));
                break;
            }
        }
        var first = SampleCast.FirstNames[random.Next(SampleCast.FirstNames.Length)];
        var last = SampleCast.LastNames[random.Next(SampleCast.LastNames.Length)];
        return new SampleCandidate((100000 + number).ToString(), first, last, source, consultant, created, steps);
    }

    internal override SampleVacancy Vacancy(string id) => SampleCast.Vacancies.Single(v => v.Id == id);

    internal override IEnumerable<(SampleVacancy Vacancy, DateTimeOffset At)> VacanciesAnnounced(DateTimeOffset start, TimeSpan period) =>
        SampleCast.Vacancies.Select(v => (v, start.AddDays(-1)));

    internal override SampleVacancy ReferralVacancy(Random random) => SampleCast.Vacancies[random.Next(SampleCast.Vacancies.Length)];
}
