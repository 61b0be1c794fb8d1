using Dashboard.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Components.Account;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c>: a form post, so antiforgery protects it like every other form.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<DashboardUser> signIn) =>
            {
                // It binds no form field, so nothing checks the token unless this does: signing someone out is a change too.
                if (!await antiforgery.IsRequestValidAsync(context))
                    return Results.Problem(statusCode: 400, title: "Missing antiforgery token", detail: "Sign out from the app's own button.");
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
        return app;
    }
}
