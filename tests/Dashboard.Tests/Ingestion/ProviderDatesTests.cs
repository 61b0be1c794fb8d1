using Dashboard.Ingestion;

namespace Dashboard.Tests.Ingestion;

public sealed class ProviderDatesTests
{
    [Theory]
    [InlineData("2024-10-17T16:53:12+02:00", "2024-10-17T14:53:12Z")]
    [InlineData("2017-06-28 15:57:55", "2017-06-28T15:57:55Z")]
    [InlineData("1970-01-01 12:00:00.000Z", "1970-01-01T12:00:00Z")]
    [InlineData("2016-03-23T08:37:15Z", "2016-03-23T08:37:15Z")]
    [InlineData("2020-01-01", "2020-01-01T00:00:00Z")]
    [InlineData(" 2024-10-17T16:53:12.123456+02:00 ", "2024-10-17T14:53:12.123456Z")]
    public void EveryDocumentedFormatReadsAsUtc(string text, string expectedUtc)
    {
        Assert.True(ProviderDates.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void FirstbirdsDocumentedPointsDateFallsBeforeYearOneAndIsRefusedNotWrapped() =>
        // 01:01 at +01:39 is 23:22 on the day before 0001-01-01 in UTC: no such instant exists.
        Assert.False(ProviderDates.TryParse("0001-01-01T01:01:00.000+0139", out _));

    [Fact]
    public void PlusHhmmOffsetsAreRead()
    {
        Assert.True(ProviderDates.TryParse("2023-05-01T10:00:00.000+0130", out var value));
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 8, 30, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30T10:00:00Z")]
    [InlineData("17/10/2024")]
    [InlineData(null)]
    public void InvalidDatesAreRefused(string? text) => Assert.False(ProviderDates.TryParse(text, out _));

    [Fact]
    public void PlainDatesBecomeDateOnly() => Assert.Equal(new DateOnly(2020, 1, 1), ProviderDates.ParseDate("2020-01-01"));
}
