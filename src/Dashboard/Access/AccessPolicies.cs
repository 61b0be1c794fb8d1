namespace Dashboard.Access;

public static class AccessPolicies
{
    /// <summary>Machine access to <c>/api/*</c>.</summary>
    public const string Api = "api";
}
