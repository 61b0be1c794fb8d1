using System.Globalization;
using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics;

/// <summary>Figures as CSV cells a spreadsheet reads as meant: one field per column, ISO instants, safe text.</summary>
public sealed class FigureCsvTests
{
    [Fact]
    public void TheOverviewHasAValueAndAPreviousColumnInsteadOfARecordInOneCell()
    {
        var csv = CsvAnswer.Parse(FigureCsv.Write(new OverviewFigures(new(119, 93), new(4, 5), new(3, null), new(2, 0), new(1, 1))));

        Assert.Equal(["figure", "value", "previous"], csv.Columns);
        Assert.Equal(["candidates", "activeVacancies", "placements", "referrals", "hires"], csv.Rows.Select(r => r["figure"]));
        Assert.Equal("119", csv.Row("figure", "candidates")["value"]);
        Assert.Equal("93", csv.Row("figure", "candidates")["previous"]);
        Assert.Equal("", csv.Row("figure", "placements")["previous"]);
        Assert.DoesNotContain(csv.Rows.SelectMany(r => r.Values), cell => cell.Contains("Tile") || cell.Contains('{'));
    }

    [Fact]
    public void InstantsAreIso8601InUtcAndNumbersAreInvariantWhateverTheServersCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var page = new RowPage<CandidateRow>([new("c1", "Ann Lee", "LinkedIn", null, new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), true)], 1, 25, 1);
            var candidates = CsvAnswer.Parse(FigureCsv.Write(page));
            var timings = CsvAnswer.Parse(FigureCsv.Write(new FunnelTimings([new("Applied", 2.5, 4)], 12.25, 3)));

            Assert.Equal(["candidateId", "name", "source", "consultant", "createdAt", "placed"], candidates.Columns);
            Assert.Equal("2026-11-30T10:00:00Z", candidates.Rows[0]["createdAt"]);
            Assert.Equal("true", candidates.Rows[0]["placed"]);
            Assert.Equal("2.5", timings.Row("stage", "Applied")["medianDaysInStage"]);
            Assert.Equal("12.25", timings.Row("stage", "toPlacement")["medianDaysInStage"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void AnApplicationsFeedbackIsOneCellListingEachAsSent()
    {
        var received = new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc);
        var page = new RowPage<ReferralRow>(
        [
            new("a1", "Ann Lee", "Nurse", "referral", received, "closed", "B", "CANDIDATE_KNOWN", ["POSITIVE", "<b>odd</b>"], null),
            new("a2", "Bo Li", "Nurse", "referral", received, "in_progress", null, null, [], null),
        ], 1, 25, 2);

        var csv = CsvAnswer.Parse(FigureCsv.Write(page));

        Assert.Equal(["applicationId", "applicant", "job", "receivedType", "receivedAt", "state", "rating", "closeReason", "feedback", "hiredAt"], csv.Columns);
        Assert.Equal("POSITIVE; <b>odd</b>", csv.Row("applicationId", "a1")["feedback"]);
        Assert.Equal("", csv.Row("applicationId", "a2")["feedback"]);
    }

    [Fact]
    public void TheAnswerIsUtf8WithAByteOrderMarkSoAccentsSurviveExcel()
    {
        var bytes = FigureCsv.Write(new[] { new SourceFigure("Empfehlung über Kollegen", 2, 1) });

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Empfehlung über Kollegen", CsvAnswer.Parse(bytes).Rows[0]["source"]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'=1+1")]
    [InlineData("\r=1+1", "'=1+1")]
    [InlineData("Ja\0ne\u0007 Doe\n", "Jane Doe")]
    [InlineData("Plain, \"quoted\" text", "Plain, \"quoted\" text")]
    public void TextIsDefusedAndStrippedOfControlCharacters(string name, string expected)
    {
        var csv = CsvAnswer.Parse(FigureCsv.Write(new[] { new SourceFigure(name, -1, 0) }));

        Assert.Equal(expected, csv.Rows[0]["source"]);
        Assert.Equal("-1", csv.Rows[0]["candidates"]);
    }

    [Fact]
    public void AListOfCountsGetsAColumnPerPosition()
    {
        var csv = CsvAnswer.Parse(FigureCsv.Write(new[] { new VacancyFunnel("v1", "Nurse", [5, 3, 1], 2), new VacancyFunnel("v2", "Cook", [1], 0) }));

        Assert.Equal(["vacancyId", "vacancy", "reached1", "reached2", "reached3", "rejected"], csv.Columns);
        Assert.Equal(["5", "3", "1", "2"], new[] { "reached1", "reached2", "reached3", "rejected" }.Select(c => csv.Row("vacancyId", "v1")[c]));
        Assert.Equal("", csv.Row("vacancyId", "v2")["reached2"]);
    }

    [Fact]
    public void AnEmptyListStillHasItsHeader()
    {
        var csv = CsvAnswer.Parse(FigureCsv.Write(Array.Empty<LocationFigure>()));

        Assert.Equal(["location", "candidates", "placed"], csv.Columns);
        Assert.Empty(csv.Rows);
    }
}
