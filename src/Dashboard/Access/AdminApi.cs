using Dashboard.Hosting;

namespace Dashboard.Access;

public static class AdminApi
{
    /// <summary>Routes of the admin API, whichever capability maps them: the Admin role by cookie or token; everyone else gets 403.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
}
