using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Hosting;

/// <summary>
/// Names the parameter behind a request the endpoint never saw because its values could not be bound: a query value
/// that is not a number or a date, a route id too large for its type, a body that is missing, not JSON or holds a
/// value of the wrong type. The framework says which parameter in its message; the value itself is never repeated,
/// since it may be ten thousand characters or a secret.
/// </summary>
public static partial class BindingFailure
{
    public static ParameterProblem Describe(BadHttpRequestException failure)
    {
        if (failure.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new ParameterProblem("body", "The body must be JSON, sent with Content-Type: application/json.");
        if (failure.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return new ParameterProblem(path, path == "body"
                ? "The body is not valid JSON for this request."
                : $"'{path}' holds a value of the wrong type, or the JSON around it is malformed.");
        }

        var match = NamedParameter().Match(failure.Message);
        if (!match.Success) return new ParameterProblem("request", "The request could not be read.");
        var name = match.Groups["name"].Value;
        var type = match.Groups["type"].Value.TrimEnd('?');
        if (failure.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && !failure.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
            return new ParameterProblem("body", "The body is missing or not valid JSON for this request.");
        if (failure.Message.StartsWith("Required parameter", StringComparison.Ordinal))
            return new ParameterProblem(name, $"'{name}' is required.");
        return new ParameterProblem(name, type switch
        {
            "int" or "long" or "Nullable<int>" or "Nullable<long>" or "Int32" or "Int64" => $"'{name}' must be a whole number within range.",
            "double" or "Nullable<double>" or "Double" => $"'{name}' must be a number.",
            "bool" or "Nullable<bool>" or "Boolean" => $"'{name}' must be true or false.",
            "DateOnly" or "Nullable<DateOnly>" => $"'{name}' must be a date like 2026-01-31.",
            _ => $"'{name}' could not be read.",
        });
    }

    // Failed to bind parameter "int? page" from "…". / Required parameter "int days" was not provided from query string.
    // Implicit body inferred for parameter "change" but no body was provided.
    [GeneratedRegex(@"parameter ""(?:(?<type>[^""]*) )?(?<name>[^"" ]+)""")]
    private static partial Regex NamedParameter();
}
