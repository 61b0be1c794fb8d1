using System.Runtime.InteropServices;

namespace Dashboard.Analytics.Index;

/// <summary>Strings the figures group by, each kept once and known by a small number; -1 stands for "none".</summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public string this[int id] => _names[id];

    public int IdOf(string? name)
    {
        if (name is null) return -1;
        if (_ids.TryGetValue(name, out var id)) return id;
        _ids[name] = _names.Count;
        _names.Add(name);
        return _names.Count - 1;
    }

    /// <summary>The id of a name a filter asks for; <see cref="int.MinValue"/> when no row ever had it, so nothing matches.</summary>
    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : int.MinValue;
}

/// <summary>
/// Every distinct set of statuses observed together, kept once, each as its sorted status ids. A pair's funnel figures
/// depend only on its set (and its current status), so today's mapping is applied to the few sets, not to every pair.
/// </summary>
internal sealed class StatusSets
{
    private readonly Dictionary<int[], int> _ids = new(new SetComparer());
    private readonly List<int[]> _sets = [];

    public StatusSets() => IdOf([]);

    public int Count => _sets.Count;

    public int[] this[int id] => _sets[id];

    /// <summary>Every set by id, for a pass over many pairs; valid until the next set is added.</summary>
    public ReadOnlySpan<int[]> All => CollectionsMarshal.AsSpan(_sets);

    /// <summary>The id of the set; <paramref name="sortedStatuses"/> must be sorted and is kept, so it must not change.</summary>
    public int IdOf(int[] sortedStatuses)
    {
        if (_ids.TryGetValue(sortedStatuses, out var id)) return id;
        _ids[sortedStatuses] = _sets.Count;
        _sets.Add(sortedStatuses);
        return _sets.Count - 1;
    }

    private sealed class SetComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            foreach (var status in set) hash.Add(status);
            return hash.ToHashCode();
        }
    }
}
