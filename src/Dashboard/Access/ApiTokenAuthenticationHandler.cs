using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for automation. The token seeded by <c>Dashboard:ApiToken</c> is held only
/// as its hash and compared in constant time.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenRing tokens,
    Tokens.PersonalTokens personalTokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();

        var token = header["Bearer ".Length..].Trim();
        if (tokens.Find(token) is not { } name)
        {
            return await personalTokens.AuthenticateAsync(token, SchemeName, Context.RequestAborted) is { } person
                ? AuthenticateResult.Success(new AuthenticationTicket(person, SchemeName))
                : AuthenticateResult.Fail("Unknown API token.");
        }

        // The configured token is the operator's: it may use the admin API too.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, "Api"), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(AccessClaims.Operator, name)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
                detail: "Send 'Authorization: Bearer <api token>' or sign in to the dashboard.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "This token or account may not use this endpoint.")
            .ExecuteAsync(Context);
}

/// <summary>The API tokens the app accepts, by hash.</summary>
public sealed class ApiTokenRing
{
    private readonly List<(byte[] Hash, string Name)> _tokens = [];

    public ApiTokenRing(IConfiguration configuration)
    {
        if (configuration["Dashboard:ApiToken"] is { Length: > 0 } seeded) _tokens.Add((Hash(seeded), "configuration token"));
    }

    public string? Find(string token)
    {
        if (token.Length is 0 or > 512) return null;
        var presented = Hash(token);
        string? found = null;
        foreach (var (hash, name) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) found = name;
        }
        return found;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
