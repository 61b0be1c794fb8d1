using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics;

/// <summary>The median selected without sorting is the one sorting gives, to the tenth a figure shows.</summary>
public sealed class MedianTests
{
    [Fact]
    public void NoValuesHaveNoMedian() => Assert.Null(Median.Of([]));

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0 }, 2.5)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 2.0, 2.0, 2.0, 9.0 }, 2.0)]
    [InlineData(new[] { -1.5, 7.25, 0.0, 3.0 }, 1.5)]
    public void SmallSetsGiveTheMiddleOrTheMeanOfTheTwoMiddleValues(double[] values, double expected) =>
        Assert.Equal(expected, Median.Of(values));

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 1_001)]
    [InlineData(3, 250_000)]
    [InlineData(4, 250_001)]
    public void ManyValuesWithRepeatsGiveWhatSortingGives(int seed, int count)
    {
        var random = new Random(seed);
        // Days between observations: many repeat (whole days), some are fractions, a few negative (out of order).
        var values = Enumerable.Range(0, count)
            .Select(_ => random.Next(4) == 0 ? random.NextDouble() * 90 - 5 : random.Next(-2, 60))
            .ToList();
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var expected = Math.Round(sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 1);

        Assert.Equal(expected, Median.Of(values));
    }

    [Fact]
    public void TheValuesAskedAboutKeepTheirOrderUnlessTheyAreScratch()
    {
        List<double> values = [5, 1, 4, 2, 3];
        double[] scratch = [5, 1, 4, 2, 3];

        Assert.Equal(3.0, Median.Of(values));
        Assert.Equal(3.0, Median.OfScratch(scratch));

        Assert.Equal([5.0, 1, 4, 2, 3], values);
        Assert.NotEqual([5.0, 1, 4, 2, 3], scratch);
    }
}
