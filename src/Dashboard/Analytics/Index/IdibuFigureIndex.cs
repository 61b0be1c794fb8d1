namespace Dashboard.Analytics.Index;

/// <summary>
/// The part of the idibu read model every candidate and funnel figure is computed from, in memory, as plain arrays
/// with every string replaced by a small number: a candidate (its creation time and facets), its (candidate, vacancy)
/// pairs (first observation, current status, the set of statuses ever observed) and, per pair, when each status of
/// its set was first observed. A figure is then one pass over arrays instead of a join over millions of rows.
/// The store stays the truth: this is rebuilt from it at start and caught up from it (see <see cref="FigureIndexHost"/>).
/// A candidate's pairs sit together; when a candidate changes, its new pairs are appended and the old ones retired,
/// and the arrays are compacted when retired pairs pile up.
/// </summary>
internal sealed class IdibuFigureIndex
{
    public readonly NameTable Sources = new();
    public readonly NameTable Consultants = new();
    public readonly NameTable ConsultantNames = new();
    public readonly NameTable Places = new();
    public readonly NameTable Statuses = new();
    public readonly NameTable Vacancies = new();
    public readonly StatusSets Sets = new();

    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);

    // Per vacancy; a label is null while no vacancy row has been seen.
    public string?[] VacancyLabel = [];
    public int[] VacancyPlace = [];
    public bool[] VacancyActive = [];

    // Per candidate slot.
    public int CandidateCount;
    public string[] CandidateId = [];
    public long[] Created = [];
    public int[] Source = [];
    public int[] Consultant = [];
    public int[] ConsultantName = [];
    public int[] Place = [];
    public int[] PairStart = [];
    public int[] PairCount = [];
    public int[] CandidateSet = [];

    // Per pair; Owner is -1 for a retired pair.
    public int PairTotal;
    public int RetiredPairs;
    public int[] Owner = [];
    public int[] Vacancy = [];
    public long[] FirstObserved = [];
    public int[] Current = [];
    public int[] PairSet = [];
    public int[] ObservedStart = [];

    // Per observation: when the status at the same position of its pair's set was first seen.
    public int ObservationTotal;
    public long[] ObservedAt = [];

    public IdibuFigureIndex(int candidates = 0, int pairs = 0, int observations = 0)
    {
        Grow(ref CandidateId, candidates);
        GrowCandidates(candidates);
        GrowPairs(pairs);
        Array.Resize(ref ObservedAt, observations);
    }

    // Read by figures side by side: a figure that finds it stale makes another, and the last one made is kept.
    private volatile StatusMapping? _mapping;

    /// <summary>Today's funnel over this index's statuses and sets, made again only when either has changed since.</summary>
    public StatusMapping MappingFor(StatusTargets targets)
    {
        var mapping = _mapping;
        if (mapping is not null && mapping.Fits(this, targets)) return mapping;
        return _mapping = new StatusMapping(this, targets);
    }

    // Dropped when a vacancy is added or renamed; made again by the next figure that lists vacancies.
    private volatile int[]? _vacanciesInLabelOrder;

    /// <summary>
    /// The vacancies the store has rows for, as the filter bar and the per-vacancy funnels list them: by label, then by
    /// id. Kept between figures: sorting 20,000 labels was most of what listing them cost.
    /// </summary>
    public int[] VacanciesInLabelOrder() => _vacanciesInLabelOrder ??= Enumerable.Range(0, Vacancies.Count)
        .Where(v => VacancyLabel[v] is not null)
        .OrderBy(v => VacancyLabel[v], StringComparer.OrdinalIgnoreCase)
        .ThenBy(v => Vacancies[v], StringComparer.Ordinal)
        .ToArray();

    /// <summary>Live pairs: what the store holds now.</summary>
    public int PairsHeld => PairTotal - RetiredPairs;

    /// <summary>A vacancy row of the store; a pair may name a vacancy before (or without) one.</summary>
    public void PutVacancy(string vacancyId, string label, string? place, bool active)
    {
        var id = VacancyIdOf(vacancyId);
        if (VacancyLabel[id] != label) _vacanciesInLabelOrder = null;
        VacancyLabel[id] = label;
        VacancyPlace[id] = Places.IdOf(place);
        VacancyActive[id] = active;
    }

    private int VacancyIdOf(string vacancyId)
    {
        var id = Vacancies.IdOf(vacancyId);
        if (id >= VacancyLabel.Length)
        {
            var from = VacancyLabel.Length;
            var size = Math.Max(id + 1, from * 2);
            Array.Resize(ref VacancyLabel, size);
            Array.Resize(ref VacancyPlace, size);
            Array.Resize(ref VacancyActive, size);
            // Without a row of its own a vacancy has no place: its pairs count as "Unknown".
            Array.Fill(VacancyPlace, -1, from, size - from);
        }
        return id;
    }

    /// <summary>Starts (or restarts) a candidate: its old pairs are retired; the pairs put next are its pairs.</summary>
    public int PutCandidate(string candidateId, long created, string? source, string? consultantId, string? consultantName, string? place)
    {
        if (!_slotOf.TryGetValue(candidateId, out var slot))
        {
            slot = CandidateCount++;
            if (slot >= Created.Length)
            {
                Grow(ref CandidateId, slot + 1);
                GrowCandidates(slot + 1);
            }
            _slotOf[candidateId] = slot;
            CandidateId[slot] = candidateId;
        }
        else
        {
            for (var pair = PairStart[slot]; pair < PairStart[slot] + PairCount[slot]; pair++) Owner[pair] = -1;
            RetiredPairs += PairCount[slot];
        }
        Created[slot] = created;
        Source[slot] = Sources.IdOf(source);
        Consultant[slot] = Consultants.IdOf(consultantId);
        ConsultantName[slot] = ConsultantNames.IdOf(consultantName);
        Place[slot] = Places.IdOf(place);
        PairStart[slot] = PairTotal;
        PairCount[slot] = 0;
        CandidateSet[slot] = 0;
        return slot;
    }

    /// <summary>
    /// Adds a pair to the candidate put last. <paramref name="observations"/> are (status id, first seen ticks), one
    /// per status; they are sorted here.
    /// </summary>
    public void PutPair(int slot, string vacancyId, long firstObserved, string? currentStatus, Span<(int Status, long At)> observations)
    {
        if (PairStart[slot] + PairCount[slot] != PairTotal) throw new InvalidOperationException("Pairs are put right after their candidate.");
        if (PairTotal >= Owner.Length) GrowPairs(PairTotal + 1);
        if (ObservationTotal + observations.Length > ObservedAt.Length)
            Array.Resize(ref ObservedAt, Math.Max(ObservationTotal + observations.Length, ObservedAt.Length + ObservedAt.Length / 4 + 1024));

        observations.Sort((a, b) => a.Status.CompareTo(b.Status));
        var statuses = new int[observations.Length];
        for (var i = 0; i < observations.Length; i++)
        {
            statuses[i] = observations[i].Status;
            ObservedAt[ObservationTotal + i] = observations[i].At;
        }
        var pair = PairTotal++;
        Owner[pair] = slot;
        Vacancy[pair] = VacancyIdOf(vacancyId);
        FirstObserved[pair] = firstObserved;
        Current[pair] = Statuses.IdOf(currentStatus);
        PairSet[pair] = Sets.IdOf(statuses);
        ObservedStart[pair] = ObservationTotal;
        ObservationTotal += observations.Length;
        PairCount[slot]++;
    }

    /// <summary>Closes a candidate: the union of its pairs' sets answers "placed on any vacancy" in one look.</summary>
    public void EndCandidate(int slot)
    {
        if (PairCount[slot] == 1)
        {
            CandidateSet[slot] = PairSet[PairStart[slot]];
        }
        else if (PairCount[slot] > 1)
        {
            var union = new SortedSet<int>();
            for (var pair = PairStart[slot]; pair < PairStart[slot] + PairCount[slot]; pair++) union.UnionWith(Sets[PairSet[pair]]);
            CandidateSet[slot] = Sets.IdOf([.. union]);
        }
        if (RetiredPairs > 100_000 && RetiredPairs > PairsHeld / 2) Compact();
    }

    /// <summary>Copies the live pairs and their observations to fresh arrays, in candidate order.</summary>
    public void Compact()
    {
        var held = PairsHeld;
        var observations = 0;
        for (var pair = 0; pair < PairTotal; pair++)
            if (Owner[pair] >= 0) observations += Sets[PairSet[pair]].Length;

        var owner = new int[held];
        var vacancy = new int[held];
        var first = new long[held];
        var current = new int[held];
        var set = new int[held];
        var start = new int[held];
        var at = new long[observations];
        int next = 0, nextObservation = 0;
        for (var slot = 0; slot < CandidateCount; slot++)
        {
            var from = PairStart[slot];
            PairStart[slot] = next;
            for (var pair = from; pair < from + PairCount[slot]; pair++, next++)
            {
                owner[next] = slot;
                vacancy[next] = Vacancy[pair];
                first[next] = FirstObserved[pair];
                current[next] = Current[pair];
                set[next] = PairSet[pair];
                start[next] = nextObservation;
                var length = Sets[PairSet[pair]].Length;
                Array.Copy(ObservedAt, ObservedStart[pair], at, nextObservation, length);
                nextObservation += length;
            }
        }
        (Owner, Vacancy, FirstObserved, Current, PairSet, ObservedStart, ObservedAt) = (owner, vacancy, first, current, set, start, at);
        (PairTotal, RetiredPairs, ObservationTotal) = (held, 0, observations);
    }

    private void GrowCandidates(int size)
    {
        Grow(ref Created, size);
        Grow(ref Source, size);
        Grow(ref Consultant, size);
        Grow(ref ConsultantName, size);
        Grow(ref Place, size);
        Grow(ref PairStart, size);
        Grow(ref PairCount, size);
        Grow(ref CandidateSet, size);
    }

    private void GrowPairs(int size)
    {
        Grow(ref Owner, size);
        Grow(ref Vacancy, size);
        Grow(ref FirstObserved, size);
        Grow(ref Current, size);
        Grow(ref PairSet, size);
        Grow(ref ObservedStart, size);
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length >= size) return;
        Array.Resize(ref array, Math.Max(size, array.Length + array.Length / 4 + 1024));
    }
}
