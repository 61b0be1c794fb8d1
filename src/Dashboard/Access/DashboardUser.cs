using Microsoft.AspNetCore.Identity;

namespace Dashboard.Access;

/// <summary>A person who signs in: a recruiter, or an admin who also runs the product.</summary>
public sealed class DashboardUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter];
}
