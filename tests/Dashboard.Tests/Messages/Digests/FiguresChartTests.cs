using Dashboard.Messages.Digests;
using SkiaSharp;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.Digests;

public sealed class FiguresChartTests
{
    private static readonly SKColor ThisPeriod = SKColor.Parse("#0072B2");
    private static readonly SKColor Before = SKColor.Parse("#999999");

    [Fact]
    public void TheChartIsAPngWithABarPerFigureAndPeriodTallerForTheLargerNumber()
    {
        var png = FiguresChart.Render([new("Candidates", 30, 10), new("Placements", 0, 5), new("Hires", 4, null)]);
        if (Environment.GetEnvironmentVariable("DASHBOARD_CHART_OUT") is { Length: > 0 } path) File.WriteAllBytes(path, png);

        using var image = SKBitmap.Decode(png);
        Assert.Equal((640, 300), (image.Width, image.Height));
        // Candidates sit in the first third: its bar for this period is three times the height of the one before.
        var candidatesNow = ColumnHeight(image, 0, 213, ThisPeriod);
        var candidatesBefore = ColumnHeight(image, 0, 213, Before);
        Assert.InRange(candidatesNow / (double)candidatesBefore, 2.8, 3.2);
        // Placements: none this period, five before.
        Assert.Equal(0, ColumnHeight(image, 213, 426, ThisPeriod));
        Assert.True(ColumnHeight(image, 213, 426, Before) > 0);
        // Hires have no period before: one bar only.
        Assert.Equal(0, ColumnHeight(image, 426, 640, Before));
        Assert.True(ColumnHeight(image, 426, 640, ThisPeriod) > 0);
        // The names are written under the bars where this machine has a font for them (the README says which).
        if (FiguresChart.HasLabels)
            Assert.Contains(Enumerable.Range(250, 40).SelectMany(y => Enumerable.Range(0, 640).Select(x => image.GetPixel(x, y))), p => p.Red < 100);
    }

    [Fact]
    public void NothingToShowStillDrawsAnEmptyChart()
    {
        using var image = SKBitmap.Decode(FiguresChart.Render([new("Candidates", 0, 0), new("Placements", 0, null)]));
        Assert.Equal(640, image.Width);
    }

    /// <summary>The tallest run of <paramref name="colour"/> in any column between the bounds, below the legend.</summary>
    private static int ColumnHeight(SKBitmap image, int from, int to, SKColor colour)
    {
        var tallest = 0;
        for (var x = from; x < to; x++)
        {
            var run = 0;
            for (var y = 30; y < image.Height; y++) run += image.GetPixel(x, y) == colour ? 1 : 0;
            tallest = Math.Max(tallest, run);
        }
        return tallest;
    }
}
