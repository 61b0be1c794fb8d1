using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Dashboard.Access.Sessions;

/// <summary>
/// A browser sends the sign-in cookie with any request to this site, whoever's page made it. So a change to
/// <c>/api/*</c> (POST, PUT, PATCH, DELETE) made with the cookie must show it comes from this site's own pages: a
/// valid antiforgery token, or a same-origin <c>Origin</c> (or, without one, <c>Sec-Fetch-Site: same-origin</c> or a
/// same-origin <c>Referer</c>); and a body must be JSON, which no plain HTML form can send. Requests with a bearer
/// token are not a browser's ambient credentials and pass untouched.
/// </summary>
public sealed class CookieApiWriteCheck(RequestDelegate next, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsCookieWrite(context))
        {
            await next(context);
            return;
        }
        if (!await FromOwnPagesAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: "A change made with the dashboard's sign-in must come from the dashboard's own pages (same Origin), "
                    + "or carry an antiforgery token. Scripts should use an API token instead.").ExecuteAsync(context);
            return;
        }
        if (ExpectsBody(context) && !context.Request.HasJsonContentType())
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected",
                detail: "Send the body as application/json.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsCookieWrite(HttpContext context)
    {
        var request = context.Request;
        return request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
                || HttpMethods.IsTrace(request.Method))
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.User.HasClaim(c => c.Type == AccessClaims.Session);
    }

    private async Task<bool> FromOwnPagesAsync(HttpContext context)
    {
        var request = context.Request;
        if (antiforgeryOptions.Value.HeaderName is { } header && request.Headers.ContainsKey(header) && await antiforgery.IsRequestValidAsync(context))
            return true;
        if (request.Headers.Origin.Count > 0) return IsSameOrigin(request.Headers.Origin.ToString(), request);
        if (request.Headers["Sec-Fetch-Site"].Count > 0) return request.Headers["Sec-Fetch-Site"].ToString() == "same-origin";
        return request.Headers.Referer.Count > 0 && IsSameOrigin(request.Headers.Referer.ToString(), request);
    }

    private static bool IsSameOrigin(string url, HttpRequest request) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));

    private static bool ExpectsBody(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null
        || context.Request.ContentLength > 0
        || context.Request.Headers.TransferEncoding.Count > 0;
}
