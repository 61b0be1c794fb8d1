using Dashboard.Analytics;

namespace Dashboard.Benchmarks;

/// <summary>
/// One analytics figure: its name, its request under <c>/api/analytics/</c> (the filter's parameters are added to it),
/// and the same figure asked of <see cref="IAnalyticsQueries"/> directly.
/// </summary>
public sealed record AnalyticsCall(string Name, string Path, Func<IAnalyticsQueries, AnalyticsFilter, Task> Call);

/// <summary>Every figure of <see cref="IAnalyticsQueries"/>, named after its <c>/api/analytics/*</c> endpoint.</summary>
public static class AnalyticsCalls
{
    // The drill-downs' widest list: every candidate who reached the funnel's first stage.
    private const string DrillDownStage = "Applied";

    public static readonly IReadOnlyList<AnalyticsCall> All =
    [
        new("sources", "sources", (q, f) => q.SourcesAsync(f)),
        new("locations", "locations", (q, f) => q.LocationsAsync(f)),
        new("consultants", "consultants", (q, f) => q.ConsultantsAsync(f)),
        new("funnel", "funnel", (q, f) => q.FunnelAsync(f)),
        new("referrals", "referrals", (q, f) => q.ReferralsAsync(f)),
        new("quality", "quality", (q, f) => q.QualityAsync(f)),
        new("overview", "overview", (q, f) => q.OverviewAsync(f, f.PreviousPeriod())),
        new("funnel-timings", "funnel-timings", (q, f) => q.FunnelTimingsAsync(f)),
        new("vacancy-funnels", "vacancy-funnels", (q, f) => q.VacancyFunnelsAsync(f)),
        new("candidates-over-time", "candidates-over-time", (q, f) => q.CandidatesOverTimeAsync(f)),
        new("referrals-over-time", "referrals-over-time", (q, f) => q.ReferralsOverTimeAsync(f)),
        new("quality-over-time", "quality-over-time", (q, f) => q.QualityOverTimeAsync(f)),
        new("candidates", "candidates", (q, f) => q.CandidatesAsync(f, null, 1, 25)),
        new($"candidates?stage={DrillDownStage}", $"candidates?stage={DrillDownStage}", (q, f) => q.CandidatesAsync(f, DrillDownStage, 1, 25)),
        new("referral-applications", "referral-applications", (q, f) => q.ReferralApplicationsAsync(f, ReferralSelection.All, 1, 25)),
        new("referral-applications?rating=A", "referral-applications?rating=A",
            (q, f) => q.ReferralApplicationsAsync(f, new ReferralSelection(Rating: "A"), 1, 25)),
        new("filter-options", "filter-options", (q, _) => q.FilterOptionsAsync()),
    ];

    public static Func<IAnalyticsQueries, AnalyticsFilter, Task> Named(string name) => All.Single(c => c.Name == name).Call;
}
