using Dashboard.Access;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Components.Account;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c>: a form post, so antiforgery protects it like every other form.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<DashboardUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
        return app;
    }
}
