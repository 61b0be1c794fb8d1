namespace Dashboard.Access;

public static class AccessPolicies
{
    /// <summary>Machine access to <c>/api/*</c>.</summary>
    public const string Api = "api";

    /// <summary>Admin pages and the admin API: the Admin role, by cookie or token.</summary>
    public const string Admin = "admin";
}
