using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Access.Tokens;

/// <summary>
/// How the app makes and keeps every bearer secret it hands out (personal API tokens, kiosk links): 256 random bits as
/// URL-safe text behind a prefix saying what it is, stored only as its SHA-256, and listed by a short hint.
/// </summary>
public static class TokenText
{
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>Enough of the text to tell tokens apart in a list, far too little to use one.</summary>
    public static string Hint(string text) => text[..8] + "…";

    /// <summary>Last-used is for people, not an audit trail: once a minute is precise enough and spares a write per use.</summary>
    public static bool UseWorthRecording(DateTime? lastUsedAt, DateTime now) => lastUsedAt is null || now - lastUsedAt > TimeSpan.FromMinutes(1);
}
