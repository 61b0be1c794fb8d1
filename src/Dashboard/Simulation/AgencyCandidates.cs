namespace Dashboard.Simulation;

/// <summary>
/// How an agency's candidates move: most apply to one vacancy open when they arrive, some to several, and each pair
/// climbs the funnel under one of the agency's statuses for each stage, with detours through statuses that count
/// nowhere. One candidate in <see cref="AgencySampleWorld.HeavyEvery"/> is kept on the books for hundreds of vacancies.
/// </summary>
internal static class AgencyCandidates
{
    private const int InterviewStage = 2;
    private const int HeavyWaves = 5;

    public static SampleCandidate New(AgencySampleWorld world, Random random, DateTimeOffset start, TimeSpan period, int number)
    {
        var created = start.AddMinutes(random.Next(0, (int)period.TotalMinutes));
        var source = world.Sources.Pick(random);
        var consultant = world.Consultants.Pick(random);
        var steps = new List<SampleStep>();
        if (number % world.HeavyEvery == world.HeavyEvery / 2)
        {
            // The first such candidate is on exactly as many vacancies as idibu's payload may list and still be read.
            var target = number == world.HeavyEvery / 2 ? 1_000 : random.Next(200, 1_001);
            AddHeavySteps(world, random, steps, created, Math.Min(target, world.Vacancies.Count));
        }
        else
        {
            var roll = random.NextDouble();
            var count = roll < 0.76 ? 1 : roll < 0.94 ? 2 : roll < 0.985 ? 3 : random.Next(4, 11);
            var vacancies = world.OpenAt(created).PickDistinct(random, count);
            for (var i = 0; i < vacancies.Count; i++)
            {
                // The first application comes with the candidate; further ones follow over the next weeks.
                var applied = i == 0 ? created.AddMinutes(random.Next(0, 120)) : created.AddMinutes(random.Next(120, 30 * 24 * 60));
                AddPath(world.Statuses, random, steps, vacancies[i].Vacancy.Id, applied);
            }
        }
        var first = SampleCast.FirstNames[random.Next(SampleCast.FirstNames.Length)];
        var last = SampleCast.LastNames[random.Next(SampleCast.LastNames.Length)];
        return new SampleCandidate((100000 + number).ToString(), first, last, source, consultant, created, steps);
    }

    private static void AddPath(AgencyStatuses statuses, Random random, List<SampleStep> steps, string vacancyId, DateTimeOffset at)
    {
        steps.Add(new SampleStep(vacancyId, Prefer(random, statuses.Stage(0)), at));
        for (var stage = 1; stage < SampleCast.Path.Length; stage++)
        {
            at = at.AddHours(random.Next(20, 24 * 7));
            if (statuses.Interim.Count > 0 && random.NextDouble() < 0.05)
            {
                steps.Add(new SampleStep(vacancyId, statuses.Interim[random.Next(statuses.Interim.Count)], at));
                at = at.AddHours(random.Next(4, 72));
            }
            if (random.NextDouble() < SampleCast.Progress[stage - 1])
            {
                var reached = Prefer(random, statuses.Stage(stage));
                steps.Add(new SampleStep(vacancyId, reached, at));
                if (stage == InterviewStage && statuses.Stage(stage).Count > 1 && random.NextDouble() < 0.1)
                {
                    // A second round under another name: still the Interview stage.
                    var next = statuses.Stage(stage).Where(s => s != reached).ElementAt(random.Next(statuses.Stage(stage).Count - 1));
                    steps.Add(new SampleStep(vacancyId, next, at = at.AddHours(random.Next(24, 24 * 7))));
                }
                continue;
            }
            var drop = random.NextDouble();
            if (drop < 0.55) steps.Add(new SampleStep(vacancyId, Prefer(random, statuses.Rejections), at));
            else if (drop < 0.75 && statuses.Exits.Count > 0) steps.Add(new SampleStep(vacancyId, statuses.Exits[random.Next(statuses.Exits.Count)], at));
            break;
        }
    }

    /// <summary>
    /// Vacancies added in a few bulk waves, each wave also rejecting or shortlisting some added before: a few snapshots,
    /// each listing everything so far.
    /// </summary>
    private static void AddHeavySteps(AgencySampleWorld world, Random random, List<SampleStep> steps, DateTimeOffset created, int target)
    {
        var onBooks = new List<string>();
        var chosen = new HashSet<string>();
        var end = world.Start + world.Period;
        var gapDays = Math.Clamp((end - created).TotalDays / HeavyWaves, 1, 60);
        for (var wave = 0; wave < HeavyWaves; wave++)
        {
            var at = created.AddDays(wave * gapDays).AddMinutes(wave);
            foreach (var id in onBooks.ToList())
            {
                var roll = random.NextDouble();
                if (roll >= 0.25) continue;
                var status = roll < 0.2 ? Prefer(random, world.Statuses.Rejections) : Prefer(random, world.Statuses.Stage(1));
                steps.Add(new SampleStep(id, status, at));
                onBooks.Remove(id);
            }
            var wanted = target * (wave + 1) / HeavyWaves - chosen.Count;
            var opened = world.OpenedBy(at);
            // The last wave takes any vacancy if too few had opened by then, so the count is always reached.
            IReadOnlyList<AgencyVacancy> pool = wave == HeavyWaves - 1 && opened.Count - chosen.Count < wanted ? world.Vacancies : opened;
            foreach (var vacancy in Shuffled(random, pool.Where(v => !chosen.Contains(v.Vacancy.Id)).ToList()).Take(wanted))
            {
                chosen.Add(vacancy.Vacancy.Id);
                onBooks.Add(vacancy.Vacancy.Id);
                steps.Add(new SampleStep(vacancy.Vacancy.Id, Prefer(random, world.Statuses.Stage(0)), at));
            }
        }
    }

    /// <summary>The small cast's status most of the time, else one of the agency's own for the same stage.</summary>
    private static SampleStatus Prefer(Random random, IReadOnlyList<SampleStatus> statuses) =>
        statuses.Count == 1 || random.NextDouble() < 0.7 ? statuses[0] : statuses[random.Next(1, statuses.Count)];

    private static List<T> Shuffled<T>(Random random, List<T> items)
    {
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        return items;
    }
}
