namespace Dashboard.Simulation;

/// <summary>
/// A reproducible world of recruiting traffic: candidates arriving from several sources, moving through idibu
/// statuses on their vacancies, firstbird referrals rated, closed and hired, with a share of deliveries sent twice
/// and of snapshots arriving late. By default eight weeks in the small world; <see cref="SampleTrafficOptions.Agency"/>
/// gives years of a mid-size agency. The same options always give the same bytes.
/// </summary>
public static class SampleTrafficGenerator
{
    public static SampleTraffic Generate(SampleTrafficOptions options)
    {
        var world = options.World;
        var random = new Random(options.Seed);
        var candidates = Enumerable.Range(options.FirstNumber, options.Candidates)
            .Select(i => world.NewCandidate(random, options.Start, options.Period, i)).ToList();
        var referrals = SampleReferrals.Generate(random, world, options.Start, options.Period,
            options.Referrals ?? Math.Max(1, options.Candidates / 4), options.FirstNumber);

        var idibu = new List<SampleDelivery>();
        foreach (var (vacancy, at) in world.VacanciesAnnounced(options.Start, options.Period))
            idibu.Add(SamplePayloads.Vacancy(random, vacancy, at));
        foreach (var candidate in candidates)
        {
            var moments = candidate.Steps.Select(s => s.At).Distinct().Order().ToList();
            for (var i = 0; i < moments.Count; i++)
                idibu.Add(SamplePayloads.CandidateSnapshot(random, world, candidate, moments[i], created: i == 0));
        }
        var firstbird = SampleReferrals.Batches(random, referrals, options.FirstbirdBatchSize);

        var ordered = Interleave(random, idibu.OrderBy(TimeOf).ToList(), firstbird);
        MakeSomeLate(random, ordered, options.LateShare);
        var withDuplicates = AddDuplicates(random, ordered, options.DuplicateShare, out var duplicates);
        return new SampleTraffic(withDuplicates, SampleTruthCounter.Count(candidates, referrals, duplicates),
            SampleTruthCounter.Shape(world, candidates));
    }

    private static DateTimeOffset TimeOf(SampleDelivery delivery) => delivery.At;

    private static List<SampleDelivery> Interleave(Random random, List<SampleDelivery> idibu, List<SampleDelivery> firstbird) =>
        idibu.Concat(firstbird).OrderBy(TimeOf).ThenBy(_ => random.Next()).ToList();

    // A late snapshot is moved behind a newer snapshot of the same candidate, as a slow retry would arrive.
    private static void MakeSomeLate(Random random, List<SampleDelivery> deliveries, double share)
    {
        var count = (int)Math.Round(deliveries.Count(d => d.Provider == "idibu") * share);
        for (var moved = 0; moved < count;)
        {
            var index = random.Next(deliveries.Count);
            var delivery = deliveries[index];
            if (delivery.Provider != "idibu" || delivery.IsLate || delivery.Subject is not { } candidate) continue;
            var newer = deliveries.FindIndex(index + 1, d => d.Subject == candidate);
            if (newer < 0) continue;
            deliveries.RemoveAt(index);
            deliveries.Insert(newer, delivery with { IsLate = true });
            moved++;
        }
    }

    private static List<SampleDelivery> AddDuplicates(Random random, List<SampleDelivery> deliveries, double share, out int duplicates)
    {
        var result = new List<SampleDelivery>(deliveries);
        duplicates = (int)Math.Round(deliveries.Count * share);
        for (var i = 0; i < duplicates; i++)
        {
            var original = deliveries[random.Next(deliveries.Count)];
            // Only the original itself equals it (its body is an array of its own), so finding it by reference finds
            // the same place as by value, without comparing record by record across an agency's slice.
            var position = result.FindIndex(d => ReferenceEquals(d, original)) + 1 + random.Next(0, 20);
            result.Insert(Math.Min(position, result.Count), original with { IsDuplicate = true });
        }
        return result;
    }

    internal static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0) return i;
        }
        return weights.Length - 1;
    }
}
