using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics;

/// <summary>What a chart may call a firstbird value: a documented one, or "Other" for anything a sender made up.</summary>
public sealed class ReferralBucketsTests
{
    [Theory]
    [InlineData("CANDIDATE_KNOWN", "CANDIDATE_KNOWN")]
    [InlineData("candidate_rejected", "CANDIDATE_REJECTED")]
    [InlineData("CANDIDATE_WITHDRAWN", "CANDIDATE_WITHDRAWN")]
    [InlineData("CANDIDATE_EVIDENCE", "CANDIDATE_EVIDENCE")]
    [InlineData("APPLICATION_INVALID", "APPLICATION_INVALID")]
    [InlineData("CANDIDATE_ACCEPTED", "UNSPECIFIED")]
    [InlineData(null, "UNSPECIFIED")]
    [InlineData("<b>X</b>", "Other")]
    [InlineData("CANDIDATE_KNOWN ", "Other")]
    [InlineData("CANDİDATE_KNOWN", "Other")] // a dotted capital I from another alphabet is not the letter I
    public void CloseReasons(string? sent, string charted) => Assert.Equal(charted, ReferralBuckets.CloseReasonOf(sent));

    [Theory]
    [InlineData("A", "A")]
    [InlineData("b", "B")]
    [InlineData("C", "C")]
    [InlineData("A, B or C", "Other")]
    [InlineData("<script>", "Other")]
    [InlineData(null, null)]
    public void Ratings(string? sent, string? charted) => Assert.Equal(charted, ReferralBuckets.RatingOf(sent));

    [Theory]
    [InlineData("POSITIVE", "POSITIVE")]
    [InlineData("REFERRAL", "POSITIVE")]
    [InlineData("neutral", "NEUTRAL")]
    [InlineData("NEGATIVE", "NEGATIVE")]
    [InlineData("VERY_NEGATIVE", "Other")]
    [InlineData(null, null)]
    public void FeedbackTypes(string? sent, string? charted) => Assert.Equal(charted, ReferralBuckets.FeedbackOf(sent));

    [Theory]
    [InlineData("referral", "referral")]
    [InlineData("Link", "link")]
    [InlineData("share", "share")]
    [InlineData("application", "application")]
    [InlineData("user", "application")]
    [InlineData("link or referral", "Other")]
    [InlineData(null, "unknown")]
    public void ApplicationTypes(string? sent, string charted) => Assert.Equal(charted, ReferralBuckets.TypeOf(sent));
}
