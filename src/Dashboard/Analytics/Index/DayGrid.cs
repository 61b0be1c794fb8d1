namespace Dashboard.Analytics.Index;

/// <summary>
/// Counts by day and by a small number (a source, a type), over whatever days come: the days held grow, in both
/// directions, to take a day outside them.
/// </summary>
internal sealed class DayGrid(int width)
{
    private int _firstDay;
    private int _days;
    private int[] _counts = [];

    public void Add(int day, int column)
    {
        if (day < _firstDay || day >= _firstDay + _days) Hold(day);
        _counts[(day - _firstDay) * width + column]++;
    }

    /// <summary>Every (day, column) counted, by day.</summary>
    public IEnumerable<(int Day, int Column, int Count)> NonZero()
    {
        for (var i = 0; i < _days * width; i++)
            if (_counts[i] > 0) yield return (_firstDay + i / width, i % width, _counts[i]);
    }

    // Grows by at least the days already held, so a pass that meets its days in any order grows a few times at most.
    private void Hold(int day)
    {
        if (_days == 0)
        {
            (_firstDay, _days, _counts) = (day, 64, new int[64 * width]);
            return;
        }
        var first = day < _firstDay ? Math.Max(0, day - _days) : _firstDay;
        var end = day >= _firstDay + _days ? day + _days : _firstDay + _days;
        var counts = new int[(end - first) * width];
        Array.Copy(_counts, 0, counts, (_firstDay - first) * width, _days * width);
        (_firstDay, _days, _counts) = (first, end - first, counts);
    }
}
