using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Messages.Digests;

/// <summary>
/// The unsubscribe link in a digest: the subscription's public id, signed (and encrypted) with the app's key ring, so
/// it works without signing in on any instance and a changed or made-up link is refused.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, PublicAddress address)
{
    public const string Path = "/messages/unsubscribe";
    private readonly IDataProtector _protector = protection.CreateProtector("Dashboard.Messages.Unsubscribe.v1");

    public string Token(Guid subscription) => _protector.Protect(subscription.ToString("N"));

    /// <summary>The absolute link, or null when <c>Dashboard:PublicUrl</c> is not set.</summary>
    public string? For(Guid subscription) => address.Absolute($"{Path}?token={Uri.EscapeDataString(Token(subscription))}");

    public Guid? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// <c>Dashboard:PublicUrl</c>: where people reach the app (<c>https://dashboard.example.com</c>), for the links in
/// emails and chat messages, which are read far from any request. Not set, messages go out without links.
/// </summary>
public sealed record PublicAddress(Uri? Root)
{
    public const string Setting = "Dashboard:PublicUrl";

    public static PublicAddress From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return new PublicAddress((Uri?)null);
        if (!Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{Setting} must be the app's absolute http(s) address, such as https://dashboard.example.com.");
        return new PublicAddress(root);
    }

    /// <summary><paramref name="pathAndQuery"/> (starting with <c>/</c>) under the public address.</summary>
    public string? Absolute(string pathAndQuery) =>
        Root is null ? null : Root.AbsoluteUri.TrimEnd('/') + pathAndQuery;
}
