namespace Dashboard.Analytics.Index;

/// <summary>
/// A filter turned into the index's numbers, with the same meaning as <see cref="CandidateScope"/> gives it in SQL:
/// "Unknown" asks for a candidate without a source or consultant; a place is the candidate's own, else that of the
/// vacancies it applied to ("Unknown" where a vacancy has none).
/// </summary>
internal readonly struct IndexScope
{
    private const int Any = int.MaxValue;
    private readonly IdibuFigureIndex _index;
    private readonly long _from;
    private readonly long _to;
    private readonly int _vacancy;
    private readonly int _source;
    private readonly int _consultant;
    private readonly int _place;
    private readonly bool _placeIsUnknown;
    private readonly bool _byPlace;
    private readonly bool _byCandidate;

    public IndexScope(IdibuFigureIndex index, AnalyticsFilter filter)
    {
        _index = index;
        _from = filter.FromUtc.Ticks;
        _to = filter.ToUtcExclusive.Ticks;
        _vacancy = filter.Vacancy is { } vacancy ? index.Vacancies.Find(vacancy) : Any;
        _source = FacetOf(index.Sources, filter.Source);
        _consultant = FacetOf(index.Consultants, filter.Consultant);
        _byPlace = filter.Location is not null;
        _place = filter.Location is { } place ? index.Places.Find(place) : Any;
        _placeIsUnknown = filter.Location == AnalyticsFilter.Unknown;
        _byCandidate = _source != Any || _consultant != Any || _byPlace;
    }

    private static int FacetOf(NameTable names, string? value) =>
        value is null ? Any : value == AnalyticsFilter.Unknown ? -1 : names.Find(value);

    /// <summary>A candidate the filter selects: created in the range, with every facet asked for.</summary>
    public bool HasCandidate(int slot)
    {
        var index = _index;
        var created = index.Created[slot];
        if (created < _from || created >= _to) return false;
        if (_source != Any && index.Source[slot] != _source) return false;
        if (_consultant != Any && index.Consultant[slot] != _consultant) return false;
        if (_vacancy != Any && !AppliedTo(slot, _vacancy)) return false;
        if (!_byPlace) return true;
        if (index.Place[slot] >= 0) return index.Place[slot] == _place;
        var count = index.PairCount[slot];
        if (count == 0) return _placeIsUnknown;
        for (var pair = index.PairStart[slot]; pair < index.PairStart[slot] + count; pair++)
            if (VacancyIsInPlace(index.Vacancy[pair])) return true;
        return false;
    }

    /// <summary>A pair the filter selects: first observed in the range, on the vacancy, of a candidate with the facets.</summary>
    public bool HasPair(int pair, bool anyVacancy = false)
    {
        var index = _index;
        var owner = index.Owner[pair];
        if (owner < 0) return false;
        var first = index.FirstObserved[pair];
        if (first < _from || first >= _to) return false;
        if (!anyVacancy && _vacancy != Any && index.Vacancy[pair] != _vacancy) return false;
        if (!_byCandidate) return true;
        if (_source != Any && index.Source[owner] != _source) return false;
        if (_consultant != Any && index.Consultant[owner] != _consultant) return false;
        if (!_byPlace) return true;
        return index.Place[owner] >= 0 ? index.Place[owner] == _place : VacancyIsInPlace(index.Vacancy[pair]);
    }

    private bool AppliedTo(int slot, int vacancy)
    {
        for (var pair = _index.PairStart[slot]; pair < _index.PairStart[slot] + _index.PairCount[slot]; pair++)
            if (_index.Vacancy[pair] == vacancy) return true;
        return false;
    }

    private bool VacancyIsInPlace(int vacancy)
    {
        var place = _index.VacancyPlace[vacancy];
        return place == -1 ? _placeIsUnknown : place == _place;
    }
}
