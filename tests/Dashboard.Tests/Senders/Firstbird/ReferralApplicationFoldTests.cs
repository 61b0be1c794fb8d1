using System.Globalization;
using Dashboard.Senders.Firstbird;
using Dashboard.Tests.Builders;

namespace Dashboard.Tests.Senders.Firstbird;

/// <summary>
/// One application's story as a recruiter would tell it, folded as firstbird sent it: every fact delivered on its own
/// or all in one batch, in every order, through the parser and the projection's own mapping. The folded outcome is
/// the same every way (docs/referral-outcomes.md).
/// </summary>
public sealed class ReferralApplicationFoldTests
{
    private const string App = "a1";

    [Fact]
    public void AHireRatedTheNextDayStillCountsAsHiredWithItsReward()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Hired(App, "2026-03-10 09:00:00.000Z", payReward: true)
            .Rated(App, "2026-03-11 09:00:00.000Z", "B");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(10), Day(1), HiredAt: Day(10), Reward: true, Rating: "B", CloseReason: null));
    }

    [Fact]
    public void AnApplicationClosedAsCandidateKnownAndRatedAfterwardsStaysClosedForThatReason()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Closed(App, "2026-03-04 09:00:00.000Z", "CANDIDATE_KNOWN")
            .Rated(App, "2026-03-05 09:00:00.000Z", "C");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Closed, Day(4), Day(1), null, false, "C", "CANDIDATE_KNOWN"));
    }

    [Fact]
    public void FeedbackAndAnEditAfterAHireLeaveTheHireItsDateAndItsReward()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Hired(App, "2026-03-10 09:00:00.000Z", payReward: true)
            .Feedback(App, "2026-03-12 09:00:00.000Z", "r1", "NEGATIVE")
            .Edited(App, "2026-03-13 09:00:00.000Z");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(10), Day(1), Day(10), true, null, null));
    }

    [Fact]
    public void AReceivedSentAgainAfterTheCloseNeitherReopensItNorMovesItsReceivedDate()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Closed(App, "2026-03-05 09:00:00.000Z", "CANDIDATE_REJECTED")
            .Received(App, "2026-03-06 09:00:00.000Z");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Closed, Day(5), Day(1), null, false, null, "CANDIDATE_REJECTED"));
    }

    [Fact]
    public void ACreatedThenReceivedApplicationIsInProgressFromWhenItWasReceived()
    {
        var story = new FirstbirdBatchBuilder()
            .Created(App, "2026-03-01 08:00:00.000Z")
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Rated(App, "2026-03-02 09:00:00.000Z", "A");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.InProgress, At("2026-03-01 08:00"), At("2026-03-01 09:00"), null, false, "A", null));
    }

    [Fact]
    public void AHireAfterACloseIsAHire()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Closed(App, "2026-03-05 09:00:00.000Z", "CANDIDATE_WITHDRAWN")
            .Hired(App, "2026-03-20 09:00:00.000Z", payReward: true)
            .Rated(App, "2026-03-21 09:00:00.000Z", "A");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(20), Day(1), Day(20), true, "A", null));
    }

    [Fact]
    public void ACloseAfterAHireIsACloseAndTakesTheHireDateAndRewardWithIt()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Hired(App, "2026-03-08 09:00:00.000Z", payReward: true)
            .Closed(App, "2026-03-09 09:00:00.000Z", "CANDIDATE_WITHDRAWN")
            .Rated(App, "2026-03-10 09:00:00.000Z", "B");

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Closed, Day(9), Day(1), null, false, "B", "CANDIDATE_WITHDRAWN"));
    }

    [Fact]
    public void TheLatestRatingIsTheOneInTheRatingMix()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Rated(App, "2026-03-02 09:00:00.000Z", "C")
            .Rated(App, "2026-03-03 09:00:00.000Z", "A")
            .Hired(App, "2026-03-04 09:00:00.000Z", payReward: false);

        AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(4), Day(1), Day(4), false, "A", null));
    }

    [Fact]
    public void ARatingInTheSameSecondAsTheHireLeavesTheHireStandingHoweverTheEnvelopesHash()
    {
        var stories = ByEachRecruiter(story => story
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Hired(App, "2026-03-10 09:00:00.000Z", payReward: true)
            .Rated(App, "2026-03-10 09:00:00.000Z", "B"));

        HashesFallBothWays(stories, "job_application.hired", "job_application.rated");
        foreach (var story in stories)
            AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(10), Day(1), Day(10), true, "B", null));
    }

    [Fact]
    public void ACloseAndAHireInTheSameSecondCountAsAHireHoweverTheEnvelopesHash()
    {
        var stories = ByEachRecruiter(story => story
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Closed(App, "2026-03-10 09:00:00.000Z", "CANDIDATE_REJECTED")
            .Hired(App, "2026-03-10 09:00:00.000Z", payReward: true));

        HashesFallBothWays(stories, "job_application.hired", "job_application.closed");
        foreach (var story in stories)
            AlwaysFoldsTo(story, new Outcome(ReferralStates.Hired, Day(10), Day(1), Day(10), true, null, null));
    }

    [Fact]
    public void TwoRatingsInTheSameSecondGiveTheSameRatingHoweverTheEnvelopesHash()
    {
        var stories = ByEachRecruiter(story => story
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Rated(App, "2026-03-02 09:00:00.000Z", "C")
            .ByRecruiter("recruiter-2")
            .Rated(App, "2026-03-02 09:00:00.000Z", "A"));

        foreach (var story in stories)
            AlwaysFoldsTo(story, new Outcome(ReferralStates.InProgress, Day(1), Day(1), null, false, "C", null));
    }

    [Fact]
    public void ADeletionIsFinalEvenWhenAHireSharesItsSecondOrFollowsIt()
    {
        var story = new FirstbirdBatchBuilder()
            .Received(App, "2026-03-01 09:00:00.000Z")
            .Deleted(App, "2026-03-05 09:00:00.000Z")
            .Hired(App, "2026-03-05 09:00:00.000Z", payReward: true)
            .Hired(App, "2026-03-06 09:00:00.000Z", payReward: true);

        var folded = FoldedEveryWay(story);
        Assert.All(folded, f => Assert.True(f.Folded.Deleted, f.How));
        AlwaysFoldsTo(story, new Outcome(ReferralStates.Deleted, Day(5), Day(1), Day(5), true, null, null));
    }

    private sealed record Outcome(
        string State, DateTime StateAt, DateTime ReceivedAt, DateTime? HiredAt, bool Reward, string? Rating, string? CloseReason)
    {
        public static Outcome Of(ReferralApplication a) => new(a.State, a.StateAt, a.ReceivedAt, a.HiredAt, a.RewardEligible, a.Rating, a.CloseReason);
    }

    private static void AlwaysFoldsTo(FirstbirdBatchBuilder story, Outcome expected)
    {
        var wrong = FoldedEveryWay(story)
            .Where(f => Outcome.Of(f.Folded) != expected)
            .Select(f => $"{f.How}: {Outcome.Of(f.Folded)}")
            .ToList();
        Assert.Empty(wrong);
    }

    /// <summary>The story's facts in every order, each order delivered fact by fact and as one batch.</summary>
    private static List<(string How, ReferralApplication Folded)> FoldedEveryWay(FirstbirdBatchBuilder story)
    {
        var envelopes = story.Envelopes();
        var folded = new List<(string, ReferralApplication)>();
        foreach (var order in Permutations(Enumerable.Range(0, envelopes.Count).ToList()))
        {
            var ordered = order.Select(i => envelopes[i]).ToList();
            var alone = ordered.SelectMany((envelope, n) => FactsOf(FirstbirdBatchBuilder.Batch([envelope]), deliveryId: n + 1)).ToList();
            folded.Add(($"alone in order {string.Join(",", order)}", ReferralApplicationFold.Fold(App, alone)));
            var batch = FactsOf(FirstbirdBatchBuilder.Batch(ordered), deliveryId: 1).ToList();
            folded.Add(($"one batch in order {string.Join(",", order)}", ReferralApplicationFold.Fold(App, batch)));
        }
        return folded;
    }

    private static IEnumerable<FirstbirdEventRow> FactsOf(byte[] body, long deliveryId) =>
        FirstbirdEnvelopeParser.Parse(body, "application/json").Envelopes
            .Select(e => FirstbirdProjection.FactOf(deliveryId, Day(28), e, e.Event!));

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }
        foreach (var first in items)
            foreach (var rest in Permutations(items.Where(i => i != first).ToList()))
                yield return [first, .. rest];
    }

    // The same story told by different recruiters: the meaning is the same, the envelopes' hashes differ.
    private static List<FirstbirdBatchBuilder> ByEachRecruiter(Func<FirstbirdBatchBuilder, FirstbirdBatchBuilder> tell) =>
        Enumerable.Range(1, 8).Select(n => tell(new FirstbirdBatchBuilder().ByRecruiter($"recruiter-x{n}"))).ToList();

    /// <summary>Proves the stories can tell a hash-decided fold apart: the two facts' hashes sort both ways among them.</summary>
    private static void HashesFallBothWays(List<FirstbirdBatchBuilder> stories, string first, string second)
    {
        var orders = stories.Select(story =>
        {
            var envelopes = FirstbirdEnvelopeParser.Parse(FirstbirdBatchBuilder.Batch(story.Envelopes()), "application/json").Envelopes;
            string HashOf(string name) => envelopes.Single(e => e.Event!.EventName == name).EnvelopeHash;
            return string.CompareOrdinal(HashOf(first), HashOf(second)) < 0;
        }).Distinct().Count();
        Assert.Equal(2, orders);
    }

    private static DateTime Day(int day) => new(2026, 3, day, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime At(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
