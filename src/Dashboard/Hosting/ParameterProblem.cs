using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Hosting;

/// <summary>
/// What is wrong with one parameter of a request (a query or route value, the body, or a field of the body), answered
/// as 400 problem+json that names it twice: in <c>errors</c>, keyed by the parameter's name, and in <c>detail</c>.
/// </summary>
public sealed record ParameterProblem(string Parameter, string Message)
{
    public ProblemHttpResult ToResult(int statusCode = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Parameter] = [Message] })
        {
            Status = statusCode,
            Title = "Invalid request",
            Detail = Message,
        });

    /// <summary>A page number or size, a count: whole and between the bounds, both included.</summary>
    public static ParameterProblem? OutsideRange(string parameter, long? value, long min, long max) =>
        value is { } given && (given < min || given > max)
            ? new ParameterProblem(parameter, $"'{parameter}' must be between {min:N0} and {max:N0}.")
            : null;
}
