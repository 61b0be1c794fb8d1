namespace Dashboard.Analytics;

/// <summary>
/// The exact median of many values without sorting them: the middle one is selected in linear time (a funnel's time in
/// stage at a million candidates is over a million values, which an ordered copy took most of a second to sort).
/// </summary>
public static class Median
{
    /// <summary>The median rounded to a tenth, as figures show it; null for no values.</summary>
    public static double? Of(IReadOnlyCollection<double> values) => values.Count == 0 ? null : OfScratch(values.ToArray());

    /// <summary>
    /// The same median, selected in place: <paramref name="values"/> is left in another order. For values collected
    /// only to be summed up, it saves copying a million of them.
    /// </summary>
    public static double? OfScratch(Span<double> values)
    {
        if (values.Length == 0) return null;
        var middle = values.Length / 2;
        var upper = Select(values, middle);
        // Selecting the middle leaves every smaller value before it: the largest of those is the one just below.
        var median = values.Length % 2 == 1 ? upper : (MaxOf(values[..middle]) + upper) / 2;
        return Math.Round(median, 1);
    }

    /// <summary>Rearranges <paramref name="values"/> so that position <paramref name="k"/> holds what sorting would put there.</summary>
    private static double Select(Span<double> values, int k)
    {
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            var pivot = MedianOfThree(values[low], values[low + (high - low) / 2], values[high]);
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            // Now values[low..j] <= pivot <= values[i..high], and anything between equals the pivot.
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }
        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double MaxOf(ReadOnlySpan<double> values)
    {
        var max = double.MinValue;
        foreach (var value in values) if (value > max) max = value;
        return max;
    }
}
