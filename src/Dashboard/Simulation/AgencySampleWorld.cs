using System.Globalization;

namespace Dashboard.Simulation;

/// <summary>A vacancy of the agency: how many candidates it draws, relative to the others, and while it is open.</summary>
internal sealed record AgencyVacancy(SampleVacancy Vacancy, double Popularity, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>
/// A mid-size agency, its cast sized by its candidates (see <see cref="SampleWorld.Agency"/>). Vacancies open and
/// close over the years; a candidate applies to those open when they arrive, in proportion to their popularity,
/// which is log-normal: a handful of vacancies draw thousands, most draw a few dozen.
/// </summary>
internal sealed class AgencySampleWorld : SampleWorld
{
    private static readonly DateTimeOffset HistoryStart = new(2022, 1, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly Dictionary<string, AgencyVacancy> _byId;
    private readonly SampleWeights<AgencyVacancy>[] _openByWeek;
    private readonly AgencyVacancy[] _byOpening;
    private readonly SampleWeights<AgencyVacancy> _byPopularity;

    private AgencySampleWorld(
        DateTimeOffset start, TimeSpan period, int heavyEvery, AgencyVacancy[] vacancies, SampleWeights<SampleConsultant> consultants,
        SampleWeights<string?> sources, int locations, AgencyStatuses statuses)
    {
        Start = start;
        Period = period;
        HeavyEvery = heavyEvery;
        Vacancies = vacancies;
        Consultants = consultants;
        Sources = sources;
        Statuses = statuses;
        _byId = vacancies.ToDictionary(v => v.Vacancy.Id);
        _byOpening = [.. vacancies.OrderBy(v => v.OpensAt)];
        _byPopularity = new SampleWeights<AgencyVacancy>(vacancies.Select(v => (v, v.Popularity)));
        _openByWeek = OpenByWeek(vacancies, start, period);
        Size = new SampleWorldSize(vacancies.Length, consultants.Count, sources.Count, locations, statuses.All.Count,
            statuses.Interim.Count + statuses.Exits.Count);
    }

    public override DateTimeOffset Start { get; }
    public override TimeSpan Period { get; }
    public override SampleWorldSize Size { get; }

    public int HeavyEvery { get; }
    public IReadOnlyList<AgencyVacancy> Vacancies { get; }
    public SampleWeights<SampleConsultant> Consultants { get; }
    public SampleWeights<string?> Sources { get; }
    public AgencyStatuses Statuses { get; }

    public static AgencySampleWorld Build(int candidates, int years, int seed, int heavyEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heavyEvery, 2);
        var random = new Random(seed);
        int Scaled(int perMillion, int floor) => Math.Max(floor, (int)Math.Round(perMillion * (candidates / 1_000_000.0)));

        var period = TimeSpan.FromDays(Math.Round(365.25 * years));
        var places = Places(random, Scaled(500, SampleWorld.Small.Size.Locations));
        var vacancies = AgencyVacancies(random, Scaled(20_000, SampleCast.Vacancies.Length), places, HistoryStart, period);
        var consultants = new SampleWeights<SampleConsultant>(Enumerable.Range(0, Scaled(300, SampleCast.Consultants.Length)).Select(i =>
        {
            var (first, last) = AgencyNames.Consultant(i);
            var consultant = i < SampleCast.Consultants.Length
                ? SampleCast.Consultants[i]
                : new SampleConsultant((501 + i).ToString(CultureInfo.InvariantCulture), first, last);
            return (consultant, LogNormal(random, 0.5));
        }));
        var sources = new SampleWeights<string?>(Enumerable.Range(0, Scaled(40, SampleCast.Sources.Length)).Select(i =>
            i < SampleCast.Sources.Length
                ? (SampleCast.Sources[i], SampleCast.SourceWeights[i])
                : ((string?)AgencyNames.Source(i - SampleCast.Sources.Length), 0.08 / Math.Pow(i - SampleCast.Sources.Length + 1, 0.7))));
        var statuses = AgencyStatuses.First(Scaled(60, SampleWorld.Small.Size.Statuses));
        return new AgencySampleWorld(HistoryStart, period, heavyEvery, vacancies, consultants, sources, places.Count, statuses);
    }

    internal override SampleCandidate NewCandidate(Random random, DateTimeOffset start, TimeSpan period, int number) =>
        AgencyCandidates.New(this, random, start, period, number);

    internal override SampleVacancy Vacancy(string id) => _byId[id].Vacancy;

    internal override IEnumerable<(SampleVacancy Vacancy, DateTimeOffset At)> VacanciesAnnounced(DateTimeOffset start, TimeSpan period) =>
        _byOpening.Where(v => v.OpensAt < start + period && (v.OpensAt >= start || start <= Start)).Select(v => (v.Vacancy, v.OpensAt));

    internal override SampleVacancy ReferralVacancy(Random random) => _byPopularity.Pick(random).Vacancy;

    /// <summary>The vacancies open in the week of <paramref name="at"/>, weighted to give each its share over its life.</summary>
    public SampleWeights<AgencyVacancy> OpenAt(DateTimeOffset at) =>
        _openByWeek[Math.Clamp((int)((at - Start) / Week), 0, _openByWeek.Length - 1)];

    /// <summary>Vacancies already opened at <paramref name="at"/>, in the order they opened.</summary>
    public ArraySegment<AgencyVacancy> OpenedBy(DateTimeOffset at)
    {
        var count = 0;
        while (count < _byOpening.Length && _byOpening[count].OpensAt <= at) count++;
        return new ArraySegment<AgencyVacancy>(_byOpening, 0, count);
    }

    private static List<(string Place, string Country)> Places(Random random, int count)
    {
        var small = SampleCast.Vacancies.Where(v => v.Place is not null).Select(v => (v.Place!, v.Country!)).Distinct().ToList();
        string[] countries = ["GB", "GB", "GB", "DE", "DE", "AT"];
        return [.. small, .. Enumerable.Range(0, Math.Max(0, count - small.Count))
            .Select(i => (AgencyNames.Place(i), countries[random.Next(countries.Length)]))];
    }

    private static AgencyVacancy[] AgencyVacancies(
        Random random, int count, List<(string Place, string Country)> places, DateTimeOffset start, TimeSpan period)
    {
        var end = start + period;
        // The cities come first and draw most vacancies; the made-up towns share the rest, ever less.
        var placeWeights = new SampleWeights<int>(places.Select((_, i) => (i, 1.0 / (i + 1))));
        var popularity = Enumerable.Range(0, count).Select(_ => LogNormal(random, 1.5)).ToArray();
        var evergreenFrom = popularity.OrderDescending().ElementAt(Math.Max(0, count / 100 - 1));

        var vacancies = new AgencyVacancy[count];
        for (var i = 0; i < count; i++)
        {
            // The small cast's eight are the agency's staples, open throughout; so are its most popular.
            if (i < SampleCast.Vacancies.Length)
            {
                vacancies[i] = new AgencyVacancy(SampleCast.Vacancies[i], popularity[i], start.AddDays(-1), end.AddDays(1));
                continue;
            }
            var id = (9001 + i).ToString(CultureInfo.InvariantCulture);
            var title = AgencyNames.Title(random);
            var (place, country) = random.NextDouble() < 0.03 ? (null, null) : places[placeWeights.Pick(random)];
            var vacancy = new SampleVacancy(id, title, $"{AgencyNames.Initials(title)}-{id}", place, country);
            var lifetime = popularity[i] >= evergreenFrom ? TimeSpan.FromDays(random.Next(365, 4 * 365)) : TimeSpan.FromDays(random.Next(14, 120));
            // Opened so that at least a week of its life falls within the history.
            var earliest = start - lifetime + Week;
            var opens = earliest.AddMinutes(random.NextDouble() * (end - Week - earliest).TotalMinutes);
            vacancies[i] = new AgencyVacancy(vacancy, popularity[i], opens, opens + lifetime);
        }
        return vacancies;
    }

    private static SampleWeights<AgencyVacancy>[] OpenByWeek(AgencyVacancy[] vacancies, DateTimeOffset start, TimeSpan period)
    {
        var weeks = (int)Math.Ceiling(period / Week);
        var open = Enumerable.Range(0, weeks).Select(_ => new List<(AgencyVacancy, double)>()).ToArray();
        foreach (var v in vacancies)
        {
            var from = v.OpensAt < start ? start : v.OpensAt;
            var until = v.ClosesAt > start + period ? start + period : v.ClosesAt;
            if (until <= from) continue;
            // Spread over the weeks it is open, so a vacancy's share of candidates follows its popularity, not its life.
            var perWeek = v.Popularity / Math.Max(1.0, (until - from) / Week);
            for (var week = (int)((from - start) / Week); week < weeks && start + week * Week < until; week++)
                open[week].Add((v, perWeek));
        }
        return open.Select(list => new SampleWeights<AgencyVacancy>(list)).ToArray();
    }

    private static double LogNormal(Random random, double sigma)
    {
        // Box-Muller: a standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(sigma * normal);
    }
}
