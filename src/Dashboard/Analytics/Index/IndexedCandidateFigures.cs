namespace Dashboard.Analytics.Index;

/// <summary>
/// The candidate figures of <see cref="CandidateFigureQueries"/>, the headline counts and the candidates over time,
/// from the index: one pass over the candidates the filter selects.
/// </summary>
internal static class IndexedCandidateFigures
{
    public static IReadOnlyList<SourceFigure> Sources(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var totals = new Dictionary<string, (int Candidates, int Placed)>(StringComparer.Ordinal);
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            if (!scope.HasCandidate(slot)) continue;
            var source = index.Source[slot] < 0 ? AnalyticsFilter.Unknown : index.Sources[index.Source[slot]];
            var (candidates, placed) = totals.GetValueOrDefault(source);
            totals[source] = (candidates + 1, placed + (mapping.IsPlaced(index.CandidateSet[slot]) ? 1 : 0));
        }
        return totals.Select(t => new SourceFigure(t.Key, t.Value.Candidates, t.Value.Placed))
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.Source, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<ConsultantFigure> Consultants(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var totals = new Dictionary<int, (int Candidates, int Placed, int Name)>();
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            if (!scope.HasCandidate(slot)) continue;
            var (candidates, placed, name) = totals.GetValueOrDefault(index.Consultant[slot], (0, 0, -1));
            totals[index.Consultant[slot]] = (candidates + 1, placed + (mapping.IsPlaced(index.CandidateSet[slot]) ? 1 : 0),
                LaterName(index, name, index.ConsultantName[slot]));
        }
        return totals.Select(t =>
            {
                var id = t.Key < 0 ? null : index.Consultants[t.Key];
                var name = t.Value.Name < 0 ? null : index.ConsultantNames[t.Value.Name];
                return new ConsultantFigure(id ?? AnalyticsFilter.Unknown, name ?? id ?? AnalyticsFilter.Unknown, t.Value.Candidates, t.Value.Placed);
            })
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.ConsultantId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The greater of two names as the database's MAX orders them; -1 (none) loses to any name.</summary>
    public static int LaterName(IdibuFigureIndex index, int kept, int candidate) =>
        candidate < 0 || candidate == kept ? kept
        : kept < 0 ? candidate
        : string.CompareOrdinal(index.ConsultantNames[candidate], index.ConsultantNames[kept]) > 0 ? candidate : kept;

    /// <summary>A candidate counts once in each place it is linked to (see <see cref="CandidateFigureQueries.LocationsAsync"/>).</summary>
    public static IReadOnlyList<LocationFigure> Locations(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var candidates = new int[index.Places.Count + 1];
        var placed = new int[index.Places.Count + 1];
        var seen = new Dictionary<int, bool>();
        // A vacancy without a place and one whose place reads "Unknown" are the same place on the chart.
        var unknown = index.Places.Find(AnalyticsFilter.Unknown);
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            if (!scope.HasCandidate(slot)) continue;
            if (index.Place[slot] >= 0)
            {
                candidates[index.Place[slot] + 1]++;
                if (mapping.IsPlaced(index.CandidateSet[slot])) placed[index.Place[slot] + 1]++;
                continue;
            }
            if (index.PairCount[slot] == 0)
            {
                candidates[0]++;
                continue;
            }
            // Each place once per candidate, placed when any of its pairs there was.
            seen.Clear();
            for (var pair = index.PairStart[slot]; pair < index.PairStart[slot] + index.PairCount[slot]; pair++)
            {
                var placeId = index.VacancyPlace[index.Vacancy[pair]];
                var place = placeId == unknown ? 0 : placeId + 1;
                seen[place] = seen.GetValueOrDefault(place) || mapping.IsPlaced(index.PairSet[pair]);
            }
            foreach (var (place, wasPlaced) in seen)
            {
                candidates[place]++;
                if (wasPlaced) placed[place]++;
            }
        }

        var figures = new Dictionary<string, (int Candidates, int Placed)>(StringComparer.Ordinal);
        for (var place = 0; place < candidates.Length; place++)
        {
            if (candidates[place] == 0) continue;
            var name = place == 0 ? AnalyticsFilter.Unknown : index.Places[place - 1];
            var current = figures.GetValueOrDefault(name);
            figures[name] = (current.Candidates + candidates[place], current.Placed + placed[place]);
        }
        return figures.Select(f => new LocationFigure(f.Key, f.Value.Candidates, f.Value.Placed))
            .Where(f => filter.Location is null || f.Location == filter.Location)
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.Location, StringComparer.Ordinal).ToList();
    }

    /// <summary>Candidates the filter selects, and how many of them were placed on any vacancy.</summary>
    public static CandidateCounts Counts(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        int candidates = 0, placed = 0;
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            if (!scope.HasCandidate(slot)) continue;
            candidates++;
            if (mapping.IsPlaced(index.CandidateSet[slot])) placed++;
        }
        return new CandidateCounts(candidates, placed);
    }

    public static int ActiveVacancies(IdibuFigureIndex index)
    {
        var count = 0;
        for (var vacancy = 0; vacancy < index.Vacancies.Count; vacancy++)
            if (index.VacancyLabel[vacancy] is not null && index.VacancyActive[vacancy]) count++;
        return count;
    }

    /// <summary>
    /// New candidates per week of the filter's zone, their days found through one calendar for the pass and counted in a
    /// grid of day by source (a dictionary keyed by both took most of the figure's time over a million candidates).
    /// </summary>
    public static TimeSeries CandidatesBySource(IdibuFigureIndex index, AnalyticsFilter filter)
    {
        var scope = new IndexScope(index, filter);
        var calendar = new ZoneCalendar(filter.Zone);
        var width = index.Sources.Count + 1;
        var counts = new DayGrid(width);
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            if (!scope.HasCandidate(slot)) continue;
            counts.Add(calendar.DayOf(index.Created[slot]).DayNumber, index.Source[slot] + 1);
        }
        return TimelineQueries.Weekly(
            counts.NonZero().Select(c => (DateOnly.FromDayNumber(c.Day), c.Column == 0 ? null : index.Sources[c.Column - 1], c.Count)),
            source => source ?? AnalyticsFilter.Unknown);
    }
}
