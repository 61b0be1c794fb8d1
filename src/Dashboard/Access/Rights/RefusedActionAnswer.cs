namespace Dashboard.Access.Rights;

/// <summary>Turns a <see cref="RefusedActionException"/> from any endpoint into 403 problem+json saying why.</summary>
public sealed class RefusedActionAnswer(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RefusedActionException refused) when (!context.Response.HasStarted)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Refused", detail: refused.Message).ExecuteAsync(context);
        }
    }
}
