namespace Dashboard.Analytics.Pages;

/// <summary>
/// Which column a figures table is ordered by, and which way. Its headers are buttons, so the keyboard sorts as a
/// click does (MudBlazor's sort labels are spans a keyboard cannot reach), and each header says its order to a screen
/// reader through <c>aria-sort</c>.
/// </summary>
public sealed record ColumnSort(string? Column = null, bool Descending = false)
{
    /// <summary>The same column again reverses the order; another column starts in its natural direction.</summary>
    public ColumnSort Then(string column, bool descendingFirst = false) =>
        column == Column ? this with { Descending = !Descending } : new ColumnSort(column, descendingFirst);

    public string AriaSort(string column) => column != Column ? "none" : Descending ? "descending" : "ascending";

    /// <summary>The rows in this order; unsorted, as they came.</summary>
    public IReadOnlyList<T> Apply<T>(IEnumerable<T> rows, IReadOnlyDictionary<string, Func<T, IComparable>> keys)
    {
        if (Column is null || !keys.TryGetValue(Column, out var key)) return rows.ToList();
        return (Descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ToList();
    }
}
