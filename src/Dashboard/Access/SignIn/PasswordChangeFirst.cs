using Microsoft.AspNetCore.Authorization;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace Dashboard.Access.SignIn;

/// <summary>Marks the page or endpoint where a person replaces a one-time password: open to them before anything else.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// Someone signed in with a password an admin set may do one thing: choose their own. Every authorization check
/// (pages, the API, the parts of a page shown by role) fails for them until they have, except where
/// <see cref="AllowedBeforePasswordChangeAttribute"/> says otherwise. Tokens never carry the claim: they are not
/// passwords.
/// </summary>
public sealed class PasswordChangeFirst : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.HasClaim(c => c.Type == AccessClaims.PasswordChangeDue) && !AllowedBefore(context.Resource))
            context.Fail(new AuthorizationFailureReason(this, "Choose your own password first."));
        return Task.CompletedTask;
    }

    private static bool AllowedBefore(object? resource) => resource switch
    {
        HttpContext http => http.GetEndpoint()?.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is not null,
        RouteData route => route.PageType.IsDefined(typeof(AllowedBeforePasswordChangeAttribute), inherit: false),
        _ => false,
    };
}
