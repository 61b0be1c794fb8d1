namespace Dashboard.Hosting;

/// <summary>
/// Routing answers some requests to the JSON API before any endpoint runs, with a bare status: 404 for a path that
/// is not there, 405 for a method it does not take, 415 for a body that is not JSON. Those get a problem+json body
/// too, so a client reads every refusal the same way.
/// </summary>
public sealed class EmptyApiAnswers(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted || !context.Request.Path.StartsWithSegments("/api")) return;
        var answer = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null =>
                Results.Problem(statusCode: 404, title: "No such endpoint", detail: "The JSON API has nothing at this path; see /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed =>
                Results.Problem(statusCode: 405, title: "Method not allowed", detail: $"This path does not take {context.Request.Method}."),
            StatusCodes.Status415UnsupportedMediaType =>
                new ParameterProblem("body", "The body must be JSON, sent with Content-Type: application/json.").ToResult(415),
            _ => null,
        };
        if (answer is not null) await answer.ExecuteAsync(context);
    }

    /// <summary>Puts the middleware first, around everything Program.cs sets up.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<EmptyApiAnswers>();
            next(app);
        };
    }
}
