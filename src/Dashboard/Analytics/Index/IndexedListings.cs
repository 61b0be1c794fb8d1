namespace Dashboard.Analytics.Index;

/// <summary>The filter bar's choices and the candidates behind a figure, from the index.</summary>
internal static class IndexedListings
{
    /// <summary>What <see cref="FilterOptionQueries.OptionsAsync"/> lists: every vacancy, and the facets candidates hold now.</summary>
    public static FilterOptions Options(IdibuFigureIndex index)
    {
        var sources = new bool[index.Sources.Count + 1];
        var consultantNames = Enumerable.Repeat(-1, index.Consultants.Count).ToArray();
        var consultantSeen = new bool[index.Consultants.Count];
        var places = new bool[index.Places.Count];
        for (var slot = 0; slot < index.CandidateCount; slot++)
        {
            sources[index.Source[slot] + 1] = true;
            if (index.Consultant[slot] is var consultant and >= 0)
            {
                consultantSeen[consultant] = true;
                consultantNames[consultant] = IndexedCandidateFigures.LaterName(index, consultantNames[consultant], index.ConsultantName[slot]);
            }
            if (index.Place[slot] >= 0) places[index.Place[slot]] = true;
        }
        var vacancies = index.VacanciesInLabelOrder();
        foreach (var vacancy in vacancies)
            if (index.VacancyPlace[vacancy] >= 0) places[index.VacancyPlace[vacancy]] = true;

        return new FilterOptions(
            vacancies.Select(v => new FilterOption(index.Vacancies[v], index.VacancyLabel[v]!)).ToList(),
            Enumerable.Range(0, sources.Length).Where(s => sources[s])
                .Select(s => s == 0 ? AnalyticsFilter.Unknown : index.Sources[s - 1]).Distinct()
                .Order(StringComparer.OrdinalIgnoreCase).Select(s => new FilterOption(s, s)).ToList(),
            Enumerable.Range(0, consultantSeen.Length).Where(c => consultantSeen[c])
                .Select(c => new FilterOption(index.Consultants[c], consultantNames[c] < 0 ? index.Consultants[c] : index.ConsultantNames[consultantNames[c]]))
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            Enumerable.Range(0, places.Length).Where(p => places[p]).Select(p => index.Places[p]).Append(AnalyticsFilter.Unknown).Distinct()
                .Order(StringComparer.OrdinalIgnoreCase).Select(p => new FilterOption(p, p)).ToList());
    }

    /// <summary>
    /// One page of the candidates <see cref="DrillDownQueries.CandidatesAsync"/> lists (newest first, then by id), as
    /// their ids and whether each was placed, with how many there are in all. With a stage: every candidate with a
    /// pair in scope that reached it, as the funnel counts them.
    /// </summary>
    public static (List<(string CandidateId, bool Placed)> Page, int Total) Candidates(
        IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping, string? reachedStage, int page, int pageSize)
    {
        var scope = new IndexScope(index, filter);
        var stage = reachedStage is null ? -1 : mapping.Targets.Funnel.StageIndexOf(reachedStage);
        var reaches = reachedStage is null ? null : SetsReaching(index, mapping, stage);
        var newest = new PageSelection(page, pageSize, (a, b) => NewestFirst(index, a, b));
        // From the slot put last: newest first, so most of the rest fall behind the page at one comparison.
        for (var slot = index.CandidateCount - 1; slot >= 0; slot--)
        {
            if (reaches is null ? !scope.HasCandidate(slot) : !HasPairReaching(index, scope, reaches, slot)) continue;
            newest.Offer(slot);
        }
        var rows = newest.Page().Select(slot => (index.CandidateId[slot], mapping.IsPlaced(index.CandidateSet[slot]))).ToList();
        return (rows, newest.Total);
    }

    private static int NewestFirst(IdibuFigureIndex index, int a, int b)
    {
        var byTime = index.Created[b].CompareTo(index.Created[a]);
        return byTime != 0 ? byTime : string.CompareOrdinal(index.CandidateId[a], index.CandidateId[b]);
    }

    /// <summary>Sets holding a status whose stage is <paramref name="stage"/> or later, as <see cref="StatusTargets.KeysReaching"/> reads it.</summary>
    private static bool[] SetsReaching(IdibuFigureIndex index, StatusMapping mapping, int stage)
    {
        var reaches = new bool[index.Sets.Count];
        for (var set = 0; set < reaches.Length; set++)
        {
            foreach (var status in index.Sets[set])
            {
                if (mapping.Targets.TargetByKey.ContainsKey(index.Statuses[status]) && mapping.StageOfStatus[status] >= stage) reaches[set] = true;
            }
        }
        return reaches;
    }

    private static bool HasPairReaching(IdibuFigureIndex index, IndexScope scope, bool[] reaches, int slot)
    {
        for (var pair = index.PairStart[slot]; pair < index.PairStart[slot] + index.PairCount[slot]; pair++)
            if (reaches[index.PairSet[pair]] && scope.HasPair(pair)) return true;
        return false;
    }
}
