using Dashboard.Analytics;

namespace Dashboard.Benchmarks;

/// <summary>Every figure of <see cref="IAnalyticsQueries"/>, by the name its <c>/api/analytics/*</c> endpoint has.</summary>
public static class AnalyticsCalls
{
    public static readonly IReadOnlyList<(string Endpoint, Func<IAnalyticsQueries, AnalyticsFilter, Task> Call)> All =
    [
        ("sources", (q, f) => q.SourcesAsync(f)),
        ("locations", (q, f) => q.LocationsAsync(f)),
        ("consultants", (q, f) => q.ConsultantsAsync(f)),
        ("funnel", (q, f) => q.FunnelAsync(f)),
        ("referrals", (q, f) => q.ReferralsAsync(f)),
        ("quality", (q, f) => q.QualityAsync(f)),
        ("overview", (q, f) => q.OverviewAsync(f, f.PreviousPeriod())),
        ("funnel-timings", (q, f) => q.FunnelTimingsAsync(f)),
        ("vacancy-funnels", (q, f) => q.VacancyFunnelsAsync(f)),
        ("candidates-over-time", (q, f) => q.CandidatesOverTimeAsync(f)),
        ("referrals-over-time", (q, f) => q.ReferralsOverTimeAsync(f)),
        ("quality-over-time", (q, f) => q.QualityOverTimeAsync(f)),
        ("candidates", (q, f) => q.CandidatesAsync(f, null, 1, 25)),
        ("referral-applications", (q, f) => q.ReferralApplicationsAsync(f, ReferralSelection.All, 1, 25)),
        ("filter-options", (q, _) => q.FilterOptionsAsync()),
    ];

    public static Func<IAnalyticsQueries, AnalyticsFilter, Task> Named(string endpoint) =>
        All.Single(c => c.Endpoint == endpoint).Call;
}
