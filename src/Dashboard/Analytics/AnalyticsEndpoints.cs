using Dashboard.Access;
using Dashboard.Analytics.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Analytics;

public static class AnalyticsEndpoints
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FunnelDefinitionStore>();
        builder.Services.AddSingleton<AnalyticsQueryService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(AccessPolicies.Api);
        group.MapGet("/sources", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.SourcesAsync(f, ct))).WithSummary("Candidates and placed candidates per source.");
        group.MapGet("/locations", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.LocationsAsync(f, ct))).WithSummary("Candidates and placed candidates per location.");
        group.MapGet("/consultants", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.ConsultantsAsync(f, ct))).WithSummary("Candidates and placed candidates per consultant.");
        group.MapGet("/funnel", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.FunnelAsync(f, ct))).WithSummary("Distinct (candidate, vacancy) pairs per funnel stage.");
        group.MapGet("/referrals", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.ReferralsAsync(f, ct))).WithSummary("firstbird referral outcomes.");
        group.MapGet("/quality", (AnalyticsQueryService q, [AsParameters] AnalyticsQueryParameters p, CancellationToken ct) =>
            Answer(p, f => q.QualityAsync(f, ct))).WithSummary("Duplicates, quarantined, out-of-order and rejected deliveries.");
        return app;
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(AnalyticsQueryParameters parameters, Func<AnalyticsFilter, Task<T>> query)
    {
        if (!parameters.TryToFilter(out var filter, out var problem))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter", detail: problem);
        return TypedResults.Ok(await query(filter));
    }
}
