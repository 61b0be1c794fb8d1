using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Hosting;

/// <summary>
/// The last line of defence: an unexpected exception becomes problem+json. On a webhook it is a 503 with
/// Retry-After, because nothing was stored and the sender's retry is the safe outcome.
/// </summary>
public sealed class ErrorAnswers(ILogger<ErrorAnswers> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var onWebhook = context.Request.Path.StartsWithSegments("/webhooks");
        if (exception is BadHttpRequestException bad)
        {
            await Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: "The request could not be read.")
                .ExecuteAsync(context);
            return true;
        }

        logger.LogError(exception, "Unhandled exception answering {Method}", context.Request.Method);
        if (onWebhook)
        {
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again",
                detail: "The delivery was not stored. Please retry.").ExecuteAsync(context);
            return true;
        }
        await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong",
            detail: "The error has been logged.").ExecuteAsync(context);
        return true;
    }
}
