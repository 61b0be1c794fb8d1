using System.Text;
using Dashboard.Analytics;
using Dashboard.Senders.Firstbird;
using Dashboard.Tests.Fixtures;

namespace Dashboard.Tests.Senders.Firstbird;

public sealed class FirstbirdEnvelopeParserTests
{
    private static FirstbirdDelivery Parse(string fixture) => FirstbirdEnvelopeParser.Parse(FixtureFile.Read("Firstbird/" + fixture), "application/json");

    private static FirstbirdEvent Single(string fixture) => Assert.Single(Parse(fixture).Envelopes).Event!;

    [Fact]
    public void SeedStyleEnvelopesUseTypeAndFlatIds()
    {
        var batch = Parse("seed-2016-batch.json");

        Assert.Null(batch.QuarantineReason);
        Assert.Equal(8, batch.UnderstoodCount);
        var received = batch.Envelopes[0].Event!;
        Assert.Equal("job_application.received", received.EventName);
        Assert.Equal("00000000-0000-0000-0000-000000000000", received.ApplicationId);
        Assert.Equal("00000000-0000-0000-0000-000000000000", received.ReferrerId);
        Assert.Equal("link or referral", received.ReceivedType);
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 12, 0, 0, TimeSpan.Zero), received.OccurredAt);
        Assert.Equal("user", batch.Envelopes[2].Event!.ReceivedType);
        // The 2016 document's placeholder is kept as sent; charts count it as "Other".
        Assert.Equal("A, B or C", batch.Envelopes.Single(e => e.Event!.EventName == "job_application.rated").Event!.Rating);
    }

    [Fact]
    public void SeedStyleStringFlagsReadAsBooleans()
    {
        var batch = Parse("seed-2016-batch.json");
        Assert.True(batch.Envelopes.Single(e => e.Event!.EventName == "job_application.rated").Event!.InitialRating);
        var hired = batch.Envelopes.Single(e => e.Event!.EventName == "job_application.hired").Event!;
        Assert.True(hired.PayReward);
        Assert.Equal(new DateOnly(2020, 1, 1), hired.FirstDayOfWork);
    }

    [Fact]
    public void CurrentReceivedReadsNestedObjectsButNeverTheApplicantsContact()
    {
        var received = Single("received-current.json");

        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", received.ApplicationId);
        Assert.Equal(("j-1", "Backend Engineer"), (received.JobId, received.JobTitle));
        Assert.Equal(("ap-1", "Ann Lee"), (received.ApplicantId, received.ApplicantName));
        Assert.Equal("u-7", received.ReferrerId);
        Assert.Equal("referral", received.ReceivedType);
        Assert.Equal("IN_PROGRESS", received.ApplicationStatus);
        Assert.DoesNotContain("ann.lee@example.org", received.ToString());
    }

    [Fact]
    public void JsonBooleansAndRatingsAreRead()
    {
        var rated = Single("rated-booleans.json");
        Assert.Equal(("B", true), (rated.Rating, rated.InitialRating));
        var hired = Single("hired-booleans.json");
        Assert.Equal((true, new DateOnly(2023, 11, 1)), (hired.PayReward, hired.FirstDayOfWork));
    }

    [Theory]
    [InlineData("closed-without-reason.json")]
    [InlineData("closed-candidate-accepted.json")]
    public void AMissingOrDefaultCloseReasonIsChartedAsUnspecified(string fixture) =>
        Assert.Equal(ReferralBuckets.Unspecified, ReferralBuckets.CloseReasonOf(Single(fixture).CloseReason));

    [Fact]
    public void RestStyleReferralFeedbackIsKeptAsSentAndCountsAsPositive()
    {
        var feedback = Single("referral-added-rest-style.json");
        Assert.Equal(("r-1", "REFERRAL"), (feedback.ReferralId, feedback.ReferralType));
        Assert.Equal("POSITIVE", ReferralBuckets.FeedbackOf(feedback.ReferralType));
    }

    [Theory]
    [InlineData("deleted.json", "job_application.deleted")]
    [InlineData("edited.json", "job_application.edited")]
    [InlineData("created-pending.json", "job_application.created")]
    [InlineData("reward-approved.json", "reward.approved")]
    [InlineData("single-object.json", "job_application.deleted")]
    public void EveryDocumentedEventIsUnderstood(string fixture, string eventName)
    {
        var e = Single(fixture);
        Assert.Equal(eventName, e.EventName);
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", e.ApplicationId);
    }

    [Fact]
    public void AnApplicationIdLongerThanAnyUuidQuarantinesItsEnvelope()
    {
        var id = new string('9', 65);
        var body = Encoding.UTF8.GetBytes($$$"""[{"event_name":"job_application.rated","event":{"job_application":{"id":"{{{id}}}"},"rating":"A"}}]""");

        var envelope = Assert.Single(FirstbirdEnvelopeParser.Parse(body, "application/json").Envelopes);

        Assert.Null(envelope.Event);
        Assert.Contains("longer than 64 characters", envelope.QuarantineReason);
    }

    [Fact]
    public void PointsEventsNeedNoApplication()
    {
        var points = Single("points-gained.json");
        Assert.Equal("points.gained", points.EventName);
        Assert.Null(points.ApplicationId);
        Assert.False(points.IsApplicationEvent);
    }

    [Fact]
    public void OneBadEnvelopeQuarantinesOnlyItself()
    {
        var batch = Parse("mixed-batch-one-bad.json");

        Assert.Null(batch.QuarantineReason);
        Assert.Equal(2, batch.UnderstoodCount);
        Assert.Contains("no job application id", batch.Envelopes[1].QuarantineReason);
        Assert.Equal("A", batch.Envelopes[0].Event!.Rating);
        Assert.True(batch.Envelopes[0].Event!.InitialRating);
        // Kept as sent, in its own letter case; charts still count it as the documented reason.
        Assert.Equal("candidate_withdrawn", batch.Envelopes[2].Event!.CloseReason);
        Assert.Equal("CANDIDATE_WITHDRAWN", ReferralBuckets.CloseReasonOf(batch.Envelopes[2].Event!.CloseReason));
    }

    [Fact]
    public void RepackedBatchKeepsEnvelopeHashes()
    {
        var original = Parse("mixed-batch-one-bad.json");
        var text = Encoding.UTF8.GetString(FixtureFile.Read("Firstbird/mixed-batch-one-bad.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsArray();
        var last = node[2]!.DeepClone();
        var repacked = FirstbirdEnvelopeParser.Parse(Encoding.UTF8.GetBytes("[\n\n   " + last.ToJsonString() + "   ]"), "application/json");

        Assert.Equal(original.Envelopes[2].EnvelopeHash, Assert.Single(repacked.Envelopes).EnvelopeHash);
        Assert.Equal(3, original.Envelopes.Select(e => e.EnvelopeHash).Distinct().Count());
    }

    [Theory]
    [InlineData("empty-array.json", "empty batch")]
    [InlineData("malformed.json", "not valid JSON")]
    public void UnusableBodiesQuarantineTheWholeBatch(string fixture, string reason) =>
        Assert.Contains(reason, Parse(fixture).QuarantineReason);

    [Theory]
    [InlineData("[{\"event_name\":\"job_application.teleported\",\"event\":{\"job_application_id\":\"x\"}}]", "unknown event")]
    [InlineData("[42]", "not a JSON object")]
    [InlineData("[{\"event\":{}}]", "names no event")]
    public void OddEnvelopesAreQuarantinedOneByOne(string body, string reason)
    {
        var batch = FirstbirdEnvelopeParser.Parse(Encoding.UTF8.GetBytes(body), "application/json");
        Assert.Contains(reason, Assert.Single(batch.Envelopes).QuarantineReason);
    }

    [Fact]
    public void ANumberIsNotABatch() =>
        Assert.Contains("expected a JSON array", FirstbirdEnvelopeParser.Parse("42"u8, "application/json").QuarantineReason);
}
