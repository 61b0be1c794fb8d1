using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Admin.Audit;
using Dashboard.Admin.Privacy;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Admin;

/// <summary>The audit trail and privacy: erasure of one candidate, retention of personal data in bodies.</summary>
public static class AdminEndpoints
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<PersonalData>();
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup();
        group.MapPost("/erasure", async Task<Results<Ok<ErasureReport>, ProblemHttpResult>> (ErasureRequest request, ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(request.Candidate)
                    ? TypedResults.Problem(statusCode: 400, title: "Nobody named", detail: "Give an idibu candidate id or an email.")
                    : TypedResults.Ok(await data.EraseAsync(request.Candidate, user, ct)))
            .WithSummary("Erases one candidate everywhere (right to erasure) and reports what was removed.");
        group.MapPost("/retention", async Task<Results<Ok<RetentionReport>, ProblemHttpResult>> (int days, ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
                ParameterProblem.OutsideRange("days", days, 1, 36_500) is { } problem ? problem.ToResult()
                    : TypedResults.Ok(await data.ApplyRetentionAsync(days, user, ct)))
            .WithSummary("Redacts personal data in bodies older than the given days now; figures stay.");
        group.MapGet("/audit", async Task<Results<Ok<IReadOnlyList<AuditRow>>, ProblemHttpResult>> (AuditLog audit, string? action, int? take, CancellationToken ct) =>
            ParameterProblem.OutsideRange("take", take, 1, 500) is { } problem
                ? problem.ToResult()
                : TypedResults.Ok(await audit.ListAsync(action, take ?? 100, ct))).WithSummary("The audit log, newest first.");
        return app;
    }

    public sealed record ErasureRequest(string Candidate);
}
