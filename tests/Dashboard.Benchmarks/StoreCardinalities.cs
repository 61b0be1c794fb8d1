using Dashboard.Simulation;

namespace Dashboard.Benchmarks;

/// <summary>What a built store holds, added up slice by slice from the generator's own model: the shape its figures are measured over.</summary>
public sealed class StoreCardinalities(SampleWorld world)
{
    private readonly Dictionary<string, int> _pairsByVacancy = [];
    private readonly Dictionary<string, int> _pairsByLocation = [];
    private readonly Dictionary<string, int> _candidatesBySource = [];
    private readonly Dictionary<string, int> _candidatesByConsultant = [];
    private readonly HashSet<string> _statuses = [];
    private int _candidates;
    private int _pairs;
    private int _mostVacancies;
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public void Add(SampleTraffic traffic)
    {
        var shape = traffic.Shape ?? throw new ArgumentException("The traffic carries no shape.", nameof(traffic));
        _candidates += shape.Candidates;
        _pairs += shape.Pairs;
        _mostVacancies = Math.Max(_mostVacancies, shape.MostVacanciesOnOneCandidate);
        if (shape.Candidates > 0)
        {
            _first = shape.FirstCreated < _first ? shape.FirstCreated : _first;
            _last = shape.LastCreated > _last ? shape.LastCreated : _last;
        }
        Merge(_pairsByVacancy, shape.PairsByVacancy);
        Merge(_pairsByLocation, shape.PairsByLocation);
        Merge(_candidatesBySource, traffic.Truth.CandidatesBySource);
        Merge(_candidatesByConsultant, traffic.Truth.CandidatesByConsultant);
        _statuses.UnionWith(shape.StatusKeys);
    }

    public IEnumerable<string> Lines()
    {
        var size = world.Size;
        var vacancies = _pairsByVacancy.Values.OrderDescending().ToList();
        var (busiestVacancy, busiestPairs) = _pairsByVacancy.MaxBy(p => p.Value);
        var (busiestPlace, placePairs) = _pairsByLocation.MaxBy(p => p.Value);
        yield return $"candidates: {_candidates:N0}, created {_first:yyyy-MM-dd} to {_last:yyyy-MM-dd} ({(_last - _first).TotalDays / 365.25:F1} years); " +
                     $"(candidate, vacancy) pairs: {_pairs:N0}";
        yield return $"vacancies: {vacancies.Count:N0} with candidates (world {size.Vacancies:N0}); busiest {busiestVacancy} with {busiestPairs:N0}, " +
                     $"median {vacancies[vacancies.Count / 2]:N0}, {vacancies.Count(c => c < 10):N0} with fewer than 10; " +
                     $"most vacancies on one candidate: {_mostVacancies:N0}";
        yield return $"consultants: {_candidatesByConsultant.Count:N0} (world {size.Consultants:N0}), busiest with {_candidatesByConsultant.Values.Max():N0} candidates; " +
                     $"sources: {_candidatesBySource.Count:N0} (world {size.Sources:N0}), busiest {_candidatesBySource.MaxBy(p => p.Value).Key}";
        yield return $"locations: {_pairsByLocation.Count:N0} (world {size.Locations:N0} places, Unknown included when used), busiest {busiestPlace} with {placePairs:N0} pairs; " +
                     $"idibu statuses: {_statuses.Count:N0} used (world {size.Statuses:N0}, {size.StatusesWithoutStage:N0} of them counting nowhere)";
    }

    private static void Merge(Dictionary<string, int> into, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (key, count) in counts) into[key] = into.GetValueOrDefault(key) + count;
    }
}
