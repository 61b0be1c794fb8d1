using System.Net;
using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Analytics;

/// <summary>
/// Six applications sent to the webhook out of order, in mixed batches, and the referral figures a recruiter sees,
/// worked out by hand from docs/referral-outcomes.md.
/// </summary>
public sealed class ReferralFiguresTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task LaterRatingsFeedbackAndRepeatsLeaveEveryOutcomeAsItsLatestCloseOrHireMadeIt()
    {
        await SendTheSixApplicationsAsync();

        var figures = await GetAsync<ReferralFigures>("/api/analytics/referrals");

        // a1 hired (reward) then rated; a2 closed CANDIDATE_KNOWN then rated; a3 hired then closed CANDIDATE_WITHDRAWN,
        // two feedbacks; a4 closed then hired (reward), then received again; a5 deleted; a6 rated Z, closed <b>X</b>.
        Assert.Equal(5, figures.Received);
        Assert.Equal(1, figures.Deleted);
        Assert.Equal(2, figures.Hired);
        Assert.Equal(2, figures.RewardEligibleHires);
        Assert.Equal(12.5, figures.MedianDaysToHire); // a1 took 9 days, a4 16
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 0, ["Other"] = 1 }, figures.Ratings);
        Assert.Equal(new Dictionary<string, int> { ["CANDIDATE_KNOWN"] = 1, ["CANDIDATE_WITHDRAWN"] = 1, ["Other"] = 1 }, figures.ClosedByReason);
        Assert.Equal(new Dictionary<string, int> { ["POSITIVE"] = 1, ["NEUTRAL"] = 0, ["NEGATIVE"] = 1 }, figures.Feedback);
        Assert.Equal(new Dictionary<string, int> { ["application"] = 1, ["link"] = 1, ["referral"] = 2, ["share"] = 1 }, figures.ReceivedByType);
        var hired = await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?state=hired");
        Assert.Equal(["a1", "a4"], hired.Items.Select(r => r.ApplicationId).Order());
    }

    [Fact]
    public async Task AnInventedCloseReasonCountsAsOtherAndItsListShowsWhatWasSent()
    {
        await SendTheSixApplicationsAsync();

        var other = await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?reason=Other");
        var row = Assert.Single(other.Items);
        Assert.Equal(("a6", "<b>X</b>", "Z"), (row.ApplicationId, row.CloseReason, row.Rating));
        var otherRating = await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?rating=other");
        Assert.Equal("a6", Assert.Single(otherRating.Items).ApplicationId);
        var known = await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?reason=CANDIDATE_KNOWN");
        Assert.Equal(("a2", "CANDIDATE_KNOWN"), (Assert.Single(known.Items).ApplicationId, known.Items[0].CloseReason));
        var withFeedback = await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?state=closed");
        Assert.Equal(["NEGATIVE", "POSITIVE"], withFeedback.Items.Single(r => r.ApplicationId == "a3").Feedback);
    }

    [Fact]
    public async Task ValuesLongerThanTheStoreKeepsAreCutVisiblyAndStillCounted()
    {
        var reason = "<i>" + new string('x', 5_000) + "</i>";
        await _app.CreateClient().PostFirstbirdAsync(new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-01 09:00:00.000Z", type: new string('t', 100))
            .Rated("a1", "2026-03-02 09:00:00.000Z", "EXCELLENT!")
            .Closed("a1", "2026-03-03 09:00:00.000Z", reason)
            .Build());
        await _app.ProjectAsync();

        var figures = await GetAsync<ReferralFigures>("/api/analytics/referrals");
        Assert.Equal((1, 1, 1), (figures.ClosedByReason["Other"], figures.Ratings["Other"], figures.ReceivedByType["Other"]));
        var row = Assert.Single((await GetAsync<RowPage<ReferralRow>>("/api/analytics/referral-applications?reason=Other")).Items);
        Assert.Equal(reason[..63] + "…", row.CloseReason);
        Assert.Equal("EXCELLE…", row.Rating);
        Assert.Equal(32, row.ReceivedType!.Length);
    }

    [Theory]
    [InlineData("reason=CANDIDATE_SMILED", "'reason'")]
    [InlineData("state=received", "'state'")]
    [InlineData("rating=D", "'rating'")]
    public async Task ADrillDownForABucketThatDoesNotExistIsRefusedNamingTheParameter(string query, string named)
    {
        var answer = await _app.CreateApiClient().GetAsync("/api/analytics/referral-applications?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AStoreRebuiltFromItsDeliveryLogShowsTheSameReferralFigures()
    {
        await SendTheSixApplicationsAsync();
        var api = _app.CreateApiClient();
        var before = await api.GetStringAsync("/api/analytics/referrals");
        var otherBefore = await api.GetStringAsync("/api/analytics/referral-applications?reason=Other");

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("/api/admin/rebuild", null)).StatusCode);
        await _app.ProjectAsync();

        Assert.Equal(before, await api.GetStringAsync("/api/analytics/referrals"));
        Assert.Equal(otherBefore, await api.GetStringAsync("/api/analytics/referral-applications?reason=Other"));
        var figures = await GetAsync<ReferralFigures>("/api/analytics/referrals");
        Assert.Equal((5, 2, 2, 12.5), (figures.Received, figures.Hired, figures.RewardEligibleHires, figures.MedianDaysToHire));
    }

    /// <summary>The facts of six applications, batched and sent in an order that is not their time order.</summary>
    private async Task SendTheSixApplicationsAsync()
    {
        var client = _app.CreateClient();
        async Task SendAsync(FirstbirdBatchBuilder batch) =>
            Assert.Equal("accepted", (await (await client.PostFirstbirdAsync(batch.Build())).AnswerAsync()).Status);

        await SendAsync(new FirstbirdBatchBuilder()
            .Received("a4", "2026-03-21 09:00:00.000Z")
            .Rated("a1", "2026-03-11 09:00:00.000Z", "B")
            .Feedback("a3", "2026-03-11 09:00:00.000Z", "r2", "NEGATIVE"));
        await SendAsync(new FirstbirdBatchBuilder()
            .Hired("a1", "2026-03-10 09:00:00.000Z", payReward: true)
            .Closed("a2", "2026-03-06 09:00:00.000Z", "CANDIDATE_KNOWN")
            .Hired("a5", "2026-03-08 09:00:00.000Z", payReward: true));
        await _app.ProjectAsync();
        await SendAsync(new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-01 09:00:00.000Z")
            .Received("a2", "2026-03-02 09:00:00.000Z", "link")
            .Received("a3", "2026-03-03 09:00:00.000Z", "share")
            .Received("a4", "2026-03-04 09:00:00.000Z")
            .Received("a5", "2026-03-05 09:00:00.000Z")
            .Received("a6", "2026-03-06 09:00:00.000Z", "application"));
        await SendAsync(new FirstbirdBatchBuilder()
            .Closed("a3", "2026-03-09 09:00:00.000Z", "CANDIDATE_WITHDRAWN")
            .Hired("a3", "2026-03-08 09:00:00.000Z", payReward: false)
            .Rated("a6", "2026-03-07 09:00:00.000Z", "Z"));
        await _app.ProjectAsync();
        await SendAsync(new FirstbirdBatchBuilder().Hired("a4", "2026-03-20 09:00:00.000Z", payReward: true));
        await SendAsync(new FirstbirdBatchBuilder()
            .Closed("a4", "2026-03-05 09:00:00.000Z", "<b>X</b>")
            .Deleted("a5", "2026-03-07 09:00:00.000Z")
            .Rated("a5", "2026-03-06 09:00:00.000Z", "C")
            .Closed("a6", "2026-03-08 09:00:00.000Z", "<b>X</b>")
            .Rated("a2", "2026-03-07 09:00:00.000Z", "A")
            .Feedback("a3", "2026-03-10 09:00:00.000Z", "r1", "POSITIVE"));
        await _app.ProjectAsync();
    }

    private async Task<T> GetAsync<T>(string path) => (await _app.CreateApiClient().GetFromJsonAsync<T>(path))!;
}
