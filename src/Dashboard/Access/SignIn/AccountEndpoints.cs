using System.Security.Claims;
using Dashboard.Access.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Access.SignIn;

public static class AccountEndpoints
{
    public sealed record PasswordChange(string CurrentPassword, string NewPassword);

    /// <summary>
    /// <c>POST /account/logout</c> and <c>/account/logout-everywhere</c>: form posts, so antiforgery protects them like
    /// every other form; <c>POST /api/me/password</c>: a person changes their own password.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, IAntiforgery antiforgery, SignInManager<DashboardUser> signIn) =>
            {
                // It binds no form field, so nothing checks the token unless this does: signing someone out is a change too.
                if (!await antiforgery.IsRequestValidAsync(context)) return MissingAntiforgery();
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
        app.MapPost("/account/logout-everywhere", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, IAntiforgery antiforgery, OwnAccount account) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context)) return MissingAntiforgery();
                await account.SignOutEverywhereAsync(context.User, context.RequestAborted);
                return TypedResults.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
        app.MapPost("/api/me/password", async Task<Results<NoContent, ProblemHttpResult>> (PasswordChange change, ClaimsPrincipal user, OwnAccount account, CancellationToken ct) =>
                await account.ChangePasswordAsync(user, change.CurrentPassword ?? "", change.NewPassword ?? "", ct) is { } problem
                    ? TypedResults.Problem(statusCode: 400, title: "Password not changed", detail: problem)
                    : TypedResults.NoContent())
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithMetadata(new AllowedBeforePasswordChangeAttribute())
            .WithTags("Account")
            .WithSummary("Changes the signed-in person's password (by the dashboard's sign-in, not a token); their other sessions end.");
        return app;
    }

    private static ProblemHttpResult MissingAntiforgery() =>
        TypedResults.Problem(statusCode: 400, title: "Missing antiforgery token", detail: "Sign out from the app's own button.");
}
