namespace Dashboard.Access;

public static class AccessPolicies
{
    /// <summary>Machine access to <c>/api/*</c>.</summary>
    public const string Api = "api";

    /// <summary>Admin pages and the admin API: the Admin role, by cookie or token.</summary>
    public const string Admin = "admin";

    /// <summary>A person signed in to the dashboard by cookie, not a token: for what a token may not do (mint tokens, change the password).</summary>
    public const string SignedIn = "signed-in";
}
