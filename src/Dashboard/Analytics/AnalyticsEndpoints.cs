using Dashboard.Access;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;
using Dashboard.Hosting;
using Dashboard.Messages.AgencyZone;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Analytics;

public static class AnalyticsEndpoints
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FunnelDefinitionStore>();
        builder.Services.AddScoped<Pages.CircuitConnection>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Pages.CircuitConnectionHandler>();
        if (builder.Configuration.GetValue("Analytics:FigureIndex", true))
        {
            builder.Services.AddSingleton<FigureIndexHost>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<FigureIndexHost>());
        }
        builder.Services.AddSingleton<AnalyticsQueryService>();
        builder.Services.AddSingleton<Stories.StoryReader>();
        // Off only to measure what a figure costs to compute (every ask then computes it again).
        if (builder.Configuration.GetValue("Analytics:FigureCache", true))
        {
            builder.Services.AddSingleton<FigureCache>();
            builder.Services.AddSingleton<IAnalyticsQueries, CachedAnalyticsQueries>();
        }
        else
        {
            builder.Services.AddSingleton<IAnalyticsQueries>(sp => sp.GetRequiredService<AnalyticsQueryService>());
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(AccessPolicies.Api).WithRequestChecks();
        MapFigure(group, "sources", "Candidates and placed candidates per source.", (q, f, ct) => q.SourcesAsync(f, ct));
        MapFigure(group, "locations", "Candidates and placed candidates per location.", (q, f, ct) => q.LocationsAsync(f, ct));
        MapFigure(group, "consultants", "Candidates and placed candidates per consultant.", (q, f, ct) => q.ConsultantsAsync(f, ct));
        MapFigure(group, "funnel", "Distinct (candidate, vacancy) pairs per funnel stage.", (q, f, ct) => q.FunnelAsync(f, ct));
        MapFigure(group, "referrals", "firstbird referral outcomes.", (q, f, ct) => q.ReferralsAsync(f, ct));
        MapFigure(group, "quality", "Duplicates, quarantined, out-of-order and rejected deliveries.", (q, f, ct) => q.QualityAsync(f, ct));
        MapFigure(group, "overview", "Headline counts, each with the same count for the period just before.",
            (q, f, ct) => q.OverviewAsync(f, f.PreviousPeriod(), ct));
        MapFigure(group, "funnel-timings", "Observed median days in each stage and to placement.", (q, f, ct) => q.FunnelTimingsAsync(f, ct));
        MapFigure(group, "vacancy-funnels", "The funnel of each vacancy.", (q, f, ct) => q.VacancyFunnelsAsync(f, ct));
        MapFigure(group, "candidates-over-time", "New candidates per week by source.", (q, f, ct) => q.CandidatesOverTimeAsync(f, ct));
        MapFigure(group, "referrals-over-time", "Referrals received per week by type.", (q, f, ct) => q.ReferralsOverTimeAsync(f, ct));
        MapFigure(group, "quality-over-time", "Deliveries, duplicates, quarantined and auth failures per week.",
            (q, f, ct) => q.QualityOverTimeAsync(f, ct));
        group.MapGet("/filter-options", (IAnalyticsQueries q, IAgencyTimeZone zone, HttpContext http, [AsParameters] AnalyticsQueryParameters p,
                CancellationToken ct) => Answer(p, zone, http, "filter-options", _ => q.FilterOptionsAsync(ct)))
            .WithSummary("Every vacancy, source, consultant and place a filter can take, with the label people know it by; not narrowed by a filter.");
        group.MapGet("/candidates", async (IAnalyticsQueries q, IAgencyTimeZone zone, HttpContext http, [AsParameters] AnalyticsQueryParameters p,
                string? stage, int? page, int? pageSize, CancellationToken ct) =>
            await Answer(p, zone, http, "candidates", f => q.CandidatesAsync(f, stage, page ?? 1, pageSize ?? 25, ct),
                Paging.Problem(page, pageSize, DrillDownQueries.MaxPageSize)))
            .WithSummary("The candidates behind a figure, 25 a page; 'stage' keeps those who reached a funnel stage.");
        group.MapGet("/referral-applications", ReferralApplicationsAsync)
            .WithSummary("The firstbird applications behind a figure, 25 a page; 'state', 'type', 'rating' and 'reason' keep one status or bucket.");
        return app;
    }

    private static async Task<Results<Ok<RowPage<ReferralRow>>, FileContentHttpResult, ProblemHttpResult>> ReferralApplicationsAsync(
        IAnalyticsQueries q, IAgencyTimeZone zone, HttpContext http, [AsParameters] AnalyticsQueryParameters p, string? state, string? type,
        string? rating, string? reason, int? page, int? pageSize, CancellationToken ct)
    {
        if (!ReferralSelection.TryRead(state, type, rating, reason, out var selection, out var problem))
            return problem!.ToResult();
        return await Answer(p, zone, http, "referral-applications", f => q.ReferralApplicationsAsync(f, selection, page ?? 1, pageSize ?? 25, ct),
            Paging.Problem(page, pageSize, DrillDownQueries.MaxPageSize));
    }

    private static void MapFigure<T>(RouteGroupBuilder group, string name, string summary,
        Func<IAnalyticsQueries, AnalyticsFilter, CancellationToken, Task<T>> query) where T : notnull =>
        group.MapGet("/" + name, (IAnalyticsQueries q, IAgencyTimeZone zone, HttpContext http, [AsParameters] AnalyticsQueryParameters p,
            CancellationToken ct) => Answer(p, zone, http, name, f => query(q, f, ct))).WithSummary(summary);

    /// <summary>The header that names the zone an answer's days and instants are in (the JSON's <c>timeZone</c> too, where it has days or instants).</summary>
    public const string TimeZoneHeader = "Time-Zone";

    /// <summary>
    /// JSON by default; <c>format=csv</c> gives exactly the same figures as a CSV download. Days are the agency's, or
    /// <c>tz</c>'s; every answer names its zone in the <c>Time-Zone</c> header.
    /// </summary>
    private static async Task<Results<Ok<T>, FileContentHttpResult, ProblemHttpResult>> Answer<T>(
        AnalyticsQueryParameters parameters, IAgencyTimeZone agencyZone, HttpContext http, string name, Func<AnalyticsFilter, Task<T>> query,
        ParameterProblem? pagingProblem = null)
        where T : notnull
    {
        var agency = await agencyZone.CurrentAsync(http.RequestAborted);
        if (!parameters.TryToFilter(agency, out var filter, out var problem)) return problem!.ToResult();
        if (pagingProblem is not null) return pagingProblem.ToResult();
        var zone = filter.ZoneOrUtc;
        var figures = await query(filter);
        http.Response.Headers[TimeZoneHeader] = zone.Id;
        if (!parameters.WantsCsv) return TypedResults.Ok(InZone(figures, zone.Id));
        return TypedResults.File(FigureCsv.Write(figures, zone), FigureCsv.ContentType, $"{name}.csv");
    }

    // The figures with days or instants say which zone they are in; a cached figure is shared, so it is copied.
    private static T InZone<T>(T figures, string zone) where T : notnull => figures switch
    {
        TimeSeries series => (T)(object)(series with { TimeZone = zone }),
        IRowPage page => (T)page.InZone(zone),
        _ => figures,
    };
}
