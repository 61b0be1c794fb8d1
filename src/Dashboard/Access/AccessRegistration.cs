using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Access.SignIn;
using Dashboard.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access;

public static class AccessRegistration
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(AccessOptions.From(builder.Configuration));
        services.AddSingleton<ApiTokenRing>();
        services.AddSingleton<Tokens.PersonalTokens>();
        services.AddSingleton<People.PeopleAdmin>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddSingleton<PersonStandings>();
        services.AddSingleton<ActingPerson>();
        services.AddSingleton<SignInSessionStore>();
        services.AddHostedService<ExpiredSessionSweeper>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<OwnAccount>();
        services.AddSingleton<IAuthorizationHandler, PasswordChangeFirst>();
        services.AddCascadingAuthenticationState();
        // Open pages check their user against the store as they go, not only when they were opened.
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();

        // Identity's stores want a scoped context; pages and services still use the factory.
        services.AddScoped<DashboardDbContext>(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        services.AddIdentityCore<DashboardUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                // Length over composition rules, as current password guidance advises.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager<DashboardSignInManager>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));
        // The cookie carries a session key only; the session, and with it the right to sign in, lives in the store.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInSessionStore>((options, sessions) => options.SessionStore = sessions);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Api, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireRole(Roles.Admin))
            .AddPolicy(AccessPolicies.SignedIn, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AccessClaims.Session));
        return builder;
    }

    /// <summary>
    /// After authorization: a refused admin action answers 403, and a change to the API made with the sign-in cookie
    /// must come from the dashboard's own pages (<see cref="CookieApiWriteCheck"/>).
    /// </summary>
    public static IApplicationBuilder UseAccessChecks(this IApplicationBuilder app) =>
        app.UseMiddleware<RefusedActionAnswer>().UseMiddleware<CookieApiWriteCheck>();

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/denied";
        options.Cookie.Name = "dashboard.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        // The API answers 401/403 problem+json itself; a browser redirect means nothing to a script.
        options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Task.CompletedTask : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (IsApi(context.Request)) return Task.CompletedTask;
            // Not refused, only not yet: someone holding a one-time password is sent to choose their own.
            if (context.HttpContext.User.HasClaim(c => c.Type == AccessClaims.PasswordChangeDue))
                context.RedirectUri = "/account/password?returnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            return Redirect(context);
        };
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the roles, and the first admin when configuration names one and nobody exists yet.</summary>
    public static async Task SeedAccessAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await FirstAdminSetup.EnsureRolesAsync(scope.ServiceProvider);
        var email = app.Configuration["Dashboard:AdminEmail"];
        var password = app.Configuration["Dashboard:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;

        var setup = app.Services.GetRequiredService<FirstAdminSetup>();
        if (!await setup.IsNeededAsync()) return;
        var result = await setup.CreateAsync(email, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Dashboard:AdminEmail/AdminPassword could not create the first admin: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
