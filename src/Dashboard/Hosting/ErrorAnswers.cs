using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Hosting;

/// <summary>
/// The last line of defence. A request whose values could not be bound is the client's mistake: 400 problem+json
/// naming the parameter (415 for a body that is not JSON), logged as information without the value. Any other
/// exception is the app's: logged as an error and answered 500 problem+json; on a webhook 503 with Retry-After,
/// because nothing was stored and the sender's retry is the safe outcome.
/// </summary>
public sealed class ErrorAnswers(ILogger<ErrorAnswers> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var onWebhook = context.Request.Path.StartsWithSegments("/webhooks");
        if (exception is BadHttpRequestException bad)
        {
            if (onWebhook)
            {
                await Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: "The request could not be read.").ExecuteAsync(context);
                return true;
            }
            var problem = BindingFailure.Describe(bad);
            logger.LogInformation("Refused a {Method} request: {Parameter} could not be read (answered {Status})",
                context.Request.Method, problem.Parameter, bad.StatusCode);
            await problem.ToResult(bad.StatusCode).ExecuteAsync(context);
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

public static class ErrorAnswersRegistration
{
    /// <summary>
    /// Binding failures are thrown (not answered with an empty 400, the framework's default outside Development) so
    /// that <see cref="ErrorAnswers"/> can say which parameter was wrong.
    /// </summary>
    public static IServiceCollection AddErrorAnswers(this IServiceCollection services)
    {
        services.AddExceptionHandler<ErrorAnswers>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddTransient<IStartupFilter, EmptyApiAnswers.StartupFilter>();
        return services;
    }
}
