using Dashboard.Access;
using Dashboard.Analytics.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Analytics;

public static class AnalyticsEndpoints
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FunnelDefinitionStore>();
        builder.Services.AddSingleton<IAnalyticsQueries, AnalyticsQueryService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(AccessPolicies.Api);
        group.MapGet("/sources", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "sources", f => q.SourcesAsync(f, ct))).WithSummary("Candidates and placed candidates per source.");
        group.MapGet("/locations", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "locations", f => q.LocationsAsync(f, ct))).WithSummary("Candidates and placed candidates per location.");
        group.MapGet("/consultants", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "consultants", f => q.ConsultantsAsync(f, ct))).WithSummary("Candidates and placed candidates per consultant.");
        group.MapGet("/funnel", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "funnel", f => q.FunnelAsync(f, ct))).WithSummary("Distinct (candidate, vacancy) pairs per funnel stage.");
        group.MapGet("/referrals", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "referrals", f => q.ReferralsAsync(f, ct))).WithSummary("firstbird referral outcomes.");
        group.MapGet("/quality", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "quality", f => q.QualityAsync(f, ct))).WithSummary("Duplicates, quarantined, out-of-order and rejected deliveries.");
        group.MapGet("/overview", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "overview", f => q.OverviewAsync(f, f.PreviousPeriod(), ct)))
            .WithSummary("Headline counts, each with the same count for the period just before.");
        group.MapGet("/funnel-timings", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "funnel-timings", f => q.FunnelTimingsAsync(f, ct))).WithSummary("Observed median days in each stage and to placement.");
        group.MapGet("/vacancy-funnels", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "vacancy-funnels", f => q.VacancyFunnelsAsync(f, ct))).WithSummary("The funnel of each vacancy.");
        group.MapGet("/candidates-over-time", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "candidates-over-time", f => q.CandidatesOverTimeAsync(f, ct))).WithSummary("New candidates per week by source.");
        group.MapGet("/referrals-over-time", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "referrals-over-time", f => q.ReferralsOverTimeAsync(f, ct))).WithSummary("Referrals received per week by type.");
        group.MapGet("/quality-over-time", (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, "quality-over-time", f => q.QualityOverTimeAsync(f, ct))).WithSummary("Deliveries, duplicates, quarantined and auth failures per week.");
        group.MapGet("/candidates", async (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, string? stage, int? page,
                int? pageSize, CancellationToken ct) =>
            await Answer(p, "candidates", f => q.CandidatesAsync(f, stage, page ?? 1, pageSize ?? 25, ct)))
            .WithSummary("The candidates behind a figure, 25 a page; 'stage' keeps those who reached a funnel stage.");
        group.MapGet("/referral-applications", async (IAnalyticsQueries q, [AsParameters] AnalyticsQueryParameters p, string? state,
                string? type, int? page, int? pageSize, CancellationToken ct) =>
            await Answer(p, "referral-applications", f => q.ReferralApplicationsAsync(f, state, type, page ?? 1, pageSize ?? 25, ct)))
            .WithSummary("The firstbird applications behind a figure, 25 a page.");
        return app;
    }

    /// <summary>JSON by default; <c>format=csv</c> gives exactly the same figures as a CSV download.</summary>
    private static async Task<Results<Ok<T>, FileContentHttpResult, ProblemHttpResult>> Answer<T>(
        AnalyticsQueryParameters parameters, string name, Func<AnalyticsFilter, Task<T>> query) where T : notnull
    {
        if (!parameters.TryToFilter(out var filter, out var problem))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter", detail: problem);
        var figures = await query(filter);
        if (!string.Equals(parameters.Format, "csv", StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok(figures);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(FigureCsv.Write(figures)), "text/csv", $"{name}.csv");
    }
}
