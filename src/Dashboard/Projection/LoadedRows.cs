namespace Dashboard.Projection;

/// <summary>
/// What each row a batch loaded held when it was loaded, so the batch writes only the rows it added or changed.
/// Rows are told apart by reference: a batch loads each row once.
/// </summary>
/// <param name="valuesOf">What a batch can change of a row, as one comparable value; keys never change.</param>
public sealed class LoadedRows(Func<object, object> valuesOf)
{
    // SQLite allows 32,766 parameters per statement; stay far below it whatever EF makes of a list.
    private const int KeysPerQuery = 500;

    private readonly Dictionary<object, object> _asLoaded = new(ReferenceEqualityComparer.Instance);

    public void Add(object row) => _asLoaded[row] = valuesOf(row);

    /// <summary>Whether the batch added <paramref name="row"/> or changed it since it was loaded.</summary>
    public bool IsAddedOrChanged(object row) => !_asLoaded.TryGetValue(row, out var loaded) || !Equals(loaded, valuesOf(row));

    /// <summary>Whether the row was in the store before the batch.</summary>
    public bool WasLoaded(object row) => _asLoaded.ContainsKey(row);

    /// <summary>What the row held when it was loaded, or null for a row the batch added.</summary>
    public object? AsLoaded(object row) => _asLoaded.GetValueOrDefault(row);

    /// <summary>Runs <paramref name="load"/> over the keys a few hundred at a time, as one query each.</summary>
    public static async Task InChunksAsync<T>(IReadOnlyList<T> keys, Func<List<T>, Task> load)
    {
        var list = keys as List<T> ?? keys.ToList();
        for (var i = 0; i < list.Count; i += KeysPerQuery) await load(list.GetRange(i, Math.Min(KeysPerQuery, list.Count - i)));
    }
}
