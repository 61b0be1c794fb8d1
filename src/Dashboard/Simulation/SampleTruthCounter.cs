namespace Dashboard.Simulation;

/// <summary>Counts what the generated world holds, from the model itself, so tests can check the app against it.</summary>
internal static class SampleTruthCounter
{
    public static SampleTruth Count(List<SampleCandidate> candidates, List<SampleReferralEvent> referrals, int duplicates)
    {
        static string SourceOf(SampleCandidate c) => c.Source ?? "Unknown";
        static bool Placed(SampleCandidate c) => c.Steps.Any(s => s.Status.Stage == SampleCast.Placed.Stage);

        var pairs = candidates.SelectMany(c => c.Steps.GroupBy(s => s.VacancyId)).ToList();
        var reached = SampleCast.Stages.Select((stage, index) => (stage, count: pairs.Count(pair =>
            pair.Any(s => Array.IndexOf(SampleCast.Stages, s.Status.Stage) >= index)))).ToDictionary(x => x.stage, x => x.count);
        var rejected = pairs.Count(pair => pair.MaxBy(s => s.At)!.Status.Stage == "Rejected");

        var applications = referrals.GroupBy(e => e.ApplicationId).ToList();
        var deleted = applications.Count(a => a.Any(e => e.Name == "job_application.deleted"));
        var live = applications.Where(a => a.All(e => e.Name != "job_application.deleted")).ToList();
        var hires = live.Where(a => a.Any(e => e.Name == "job_application.hired")).ToList();

        return new SampleTruth(
            candidates.GroupBy(SourceOf).ToDictionary(g => g.Key, g => g.Count()),
            candidates.GroupBy(SourceOf).ToDictionary(g => g.Key, g => g.Count(Placed)),
            candidates.GroupBy(c => c.Consultant.ProfileId).ToDictionary(g => g.Key, g => g.Count()),
            reached,
            rejected,
            live.Count,
            hires.Count,
            hires.Count(h => h.Any(e => e.Name == "job_application.hired" && e.Fields["pay_reward"] is true)),
            deleted,
            duplicates);
    }

    /// <summary>Pairs per vacancy and per place (the vacancy's, as the figures place a candidate without one of their own).</summary>
    public static SampleShape Shape(SampleWorld world, List<SampleCandidate> candidates)
    {
        var pairs = candidates.SelectMany(c => c.Steps.Select(s => s.VacancyId).Distinct()).ToList();
        var byVacancy = pairs.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        static string PlaceOf(SampleVacancy v) => v.Place ?? v.Country ?? "Unknown";
        var byLocation = byVacancy.GroupBy(p => PlaceOf(world.Vacancy(p.Key)))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var statuses = candidates.SelectMany(c => c.Steps.Select(s => $"{s.Status.Type}:{s.Status.Id}")).ToHashSet();
        return new SampleShape(
            candidates.Count, pairs.Count, byVacancy, byLocation, statuses,
            candidates.Select(c => c.Steps.Select(s => s.VacancyId).Distinct().Count()).DefaultIfEmpty().Max(),
            candidates.Select(c => c.CreatedAt).DefaultIfEmpty().Min(),
            candidates.Select(c => c.CreatedAt).DefaultIfEmpty().Max());
    }
}
