using Dashboard.Senders;

namespace Dashboard.Tests.Senders;

public sealed class SenderDatesTests
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
        Assert.True(SenderDates.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void FirstbirdsDocumentedPointsDateFallsBeforeYearOneAndIsRefusedNotWrapped() =>
        // 01:01 at +01:39 is 23:22 on the day before 0001-01-01 in UTC: no such instant exists.
        Assert.False(SenderDates.TryParse("0001-01-01T01:01:00.000+0139", out _));

    [Fact]
    public void PlusHhmmOffsetsAreRead()
    {
        Assert.True(SenderDates.TryParse("2023-05-01T10:00:00.000+0130", out var value));
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 8, 30, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30T10:00:00Z")]
    [InlineData("17/10/2024")]
    [InlineData(null)]
    public void InvalidDatesAreRefused(string? text) => Assert.False(SenderDates.TryParse(text, out _));

    [Fact]
    public void PlainDatesBecomeDateOnly() => Assert.Equal(new DateOnly(2020, 1, 1), SenderDates.ParseDate("2020-01-01"));
    /// <summary>
    /// The digit-by-digit reading of the common shape answers exactly as the general parser does, on dates around
    /// every edge: impossible days, the first and last years, offsets up to and past 14 hours, fractions of 0 to 9
    /// digits, stray characters.
    /// </summary>
    [Fact]
    public void TheCommonShapeReadsExactlyAsTheGeneralParser()
    {
        var random = new Random(20261202);
        string[] years = ["0001", "0002", "1970", "2000", "2024", "2100", "9998", "9999", "20x4"];
        string[] zones = ["", "Z", "z", "+00:00", "-00:00", "+02:00", "-05:30", "+13:59", "+14:00", "-14:00", "+14:01", "+15:00", "+2:00", "+02", "+0200", "+02:60", "GMT"];
        var compared = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var fraction = random.Next(11) switch
            {
                0 => ".",
                1 => "",
                2 => "",
                var n => "." + string.Concat(Enumerable.Range(0, n - 2).Select(_ => (char)('0' + random.Next(10)))),
            };
            var text = $"{years[random.Next(years.Length)]}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T"
                + $"{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}{fraction}{zones[random.Next(zones.Length)]}";
            if (random.Next(20) == 0) text = text.Remove(random.Next(text.Length), 1);
            if (random.Next(20) == 0) text = text.Insert(random.Next(text.Length), "a");

            var general = SenderDates.TryParseByFormats(text, out var expected);
            if (SenderDates.TryReadCommon(text, out var value))
            {
                Assert.True(general, text);
                Assert.Equal(expected, value);
                Assert.Equal(expected.Offset, value.Offset);
                compared++;
            }
            Assert.Equal(general, SenderDates.TryParse(text, out var whole));
            Assert.Equal(expected, whole);
        }
        Assert.True(compared > 1_000, $"only {compared} dates took the common path");
    }
}
