namespace Dashboard.Analytics.Index;

/// <summary>
/// One page of rows in a list's order, chosen in one pass over the index: only the first <c>page × pageSize</c> rows
/// offered are kept, the last of them on top of a small heap, so a page never sorts everything that matched.
/// </summary>
internal sealed class PageSelection
{
    private readonly PriorityQueue<int, int> _first;
    private readonly Comparison<int> _order;
    private readonly int _keep;
    private readonly int _skip;

    /// <param name="order">The list's order over slots: negative when the first slot comes first.</param>
    public PageSelection(int page, int pageSize, Comparison<int> order)
    {
        _keep = page * pageSize;
        _skip = (page - 1) * pageSize;
        _order = order;
        _first = new PriorityQueue<int, int>(_keep + 1, Comparer<int>.Create((a, b) => order(b, a)));
    }

    /// <summary>How many rows were offered: the list's length.</summary>
    public int Total { get; private set; }

    public void Offer(int slot)
    {
        Total++;
        // A row after the last one kept is not on the page: one comparison instead of a trip through the heap.
        if (_first.Count == _keep && _first.TryPeek(out var last, out _) && _order(slot, last) > 0) return;
        _first.Enqueue(slot, slot);
        if (_first.Count > _keep) _first.Dequeue();
    }

    /// <summary>The page's slots in the list's order.</summary>
    public List<int> Page()
    {
        var ordered = new List<int>(_first.Count);
        while (_first.Count > 0) ordered.Add(_first.Dequeue());
        ordered.Reverse();
        return ordered.Skip(_skip).ToList();
    }
}
