using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Access.SignIn;

/// <summary>Identity's sign-in, refusing a person an admin disabled (lockout is for guessing, not for switching people off).</summary>
public sealed class DashboardSignInManager(
    UserManager<DashboardUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<DashboardUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<DashboardUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<DashboardUser> confirmation)
    : SignInManager<DashboardUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(DashboardUser user) => !user.Disabled && await base.CanSignInAsync(user);
}
