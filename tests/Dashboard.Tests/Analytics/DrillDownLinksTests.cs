using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics;

/// <summary>A drill-down's CSV asks the JSON API for exactly the rows on screen.</summary>
public sealed class DrillDownLinksTests
{
    private static readonly AnalyticsFilter Filter = AnalyticsFilter.None with { From = new DateOnly(2026, 10, 1), Source = "Job board & Co" };

    [Fact]
    public void TheCandidatesCsvCarriesTheFilterTheStageAndThePageShown()
    {
        Assert.Equal("api/analytics/candidates?from=2026-10-01&source=Job%20board%20%26%20Co&stage=Shortlisted&page=2&pageSize=50&format=csv",
            DrillDownLinks.CandidatesCsv(Filter, "Shortlisted", 2, 50));
    }

    [Fact]
    public void TheReferralCsvCarriesTheBucketChosen()
    {
        Assert.Equal("api/analytics/referral-applications?rating=Other&page=1&pageSize=25&format=csv",
            DrillDownLinks.ReferralApplicationsCsv(AnalyticsFilter.None, new ReferralSelection(Rating: "Other"), 1, 25));
    }
}
