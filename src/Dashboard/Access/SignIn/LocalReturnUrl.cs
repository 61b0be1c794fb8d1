namespace Dashboard.Access.SignIn;

public static class LocalReturnUrl
{
    /// <summary>Only ever go back inside this app: a return URL is attacker-controlled.</summary>
    public static string Of(string? url) =>
        string.IsNullOrEmpty(url) || url.Contains("//") || url.Contains('\\') || url.Contains(':') ? "/" : "/" + url.TrimStart('/');
}
