namespace Dashboard.Simulation;

/// <summary>Items drawn in proportion to their weights; a binary search, since an agency has thousands of them.</summary>
internal sealed class SampleWeights<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public SampleWeights(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        if (list.Count == 0) throw new ArgumentException("Nothing to draw from.", nameof(weighted));
        _items = list.Select(w => w.Item).ToArray();
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++) _cumulative[i] = sum += list[i].Weight;
    }

    public int Count => _items.Length;

    public IReadOnlyList<T> Items => _items;

    public T Pick(Random random)
    {
        var roll = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, roll);
        // Not found gives the complement of the first larger total: the item whose share the roll fell in.
        if (index < 0) index = ~index;
        else index++;
        return _items[Math.Min(index, _items.Length - 1)];
    }

    /// <summary>Up to <paramref name="count"/> different items; fewer only when there are not that many.</summary>
    public List<T> PickDistinct(Random random, int count)
    {
        if (count >= _items.Length) return [.. _items];
        var picked = new List<T>(count);
        var seen = new HashSet<T>();
        // Popular items are drawn again and again; after enough tries the rest are taken in order, rarely needed.
        for (var tries = 0; picked.Count < count && tries < count * 50; tries++)
        {
            var item = Pick(random);
            if (seen.Add(item)) picked.Add(item);
        }
        foreach (var item in _items)
        {
            if (picked.Count >= count) break;
            if (seen.Add(item)) picked.Add(item);
        }
        return picked;
    }
}
