namespace Dashboard.Access;

/// <summary>Claims the app adds to a signed-in person from the store on every request; never kept in a cookie.</summary>
public static class AccessClaims
{
    /// <summary>The server-side session a cookie stands for (the hash of its key): only cookie sign-ins carry it.</summary>
    public const string Session = "dashboard:session";

    /// <summary>Present while the person still has to replace a one-time password an admin gave them.</summary>
    public const string PasswordChangeDue = "dashboard:password-change-due";

    /// <summary>The operator's token from configuration: no person stands behind it.</summary>
    public const string Operator = "dashboard:operator";
}
