using Microsoft.AspNetCore.Identity;

namespace Dashboard.Access;

/// <summary>A person who signs in: a recruiter, or an admin who also runs the product.</summary>
public sealed class DashboardUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Switched off by an admin: no sign-in, no session, no token. Apart from lockout, which only slows guessing.</summary>
    public bool Disabled { get; set; }

    /// <summary>The password is one an admin set (a new account or a reset): the person must choose their own first.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter];
}
