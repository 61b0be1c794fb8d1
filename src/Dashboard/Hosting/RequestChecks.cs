using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Dashboard.Hosting;

/// <summary>
/// Rules every JSON API endpoint shares, checked on the bound values before the endpoint runs: text (a query or
/// route value, a string anywhere in the body) is at most <see cref="MaxTextLength"/> characters and holds no control
/// character but tab and line breaks, nor broken UTF-16 (PostgreSQL refuses a NUL in text, and no name or filter
/// needs one); a body that knows its own rules (<see cref="IValidatedRequest"/>) is asked too. The answer names the
/// parameter, or the field of the body, that broke a rule.
/// </summary>
public static class RequestChecks
{
    public const int MaxTextLength = 1_000;

    public static TBuilder WithRequestChecks<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var checkedArguments = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter, index))
                .Where(p => IsFromRequest(p.parameter.ParameterType, services))
                .Select(p => (Name: p.parameter.Name ?? "parameter", Index: p.index))
                .ToList();
            if (checkedArguments.Count == 0) return next;
            return async invocation =>
            {
                foreach (var (name, index) in checkedArguments)
                {
                    if (index < invocation.Arguments.Count && FirstProblem(name, invocation.Arguments[index], depth: 0) is { } problem)
                        return problem.ToResult();
                }
                return await next(invocation);
            };
        });

    // Text, and this app's own records (a body, or query values gathered with [AsParameters]); not services, not the
    // framework's types (the request, the user, a cancellation token).
    private static bool IsFromRequest(Type type, IServiceProviderIsService? services) =>
        type == typeof(string)
        || (type.Namespace?.StartsWith("Dashboard", StringComparison.Ordinal) == true && type is { IsClass: true, IsAbstract: false }
            && services?.IsService(type) != true);

    private static ParameterProblem? FirstProblem(string name, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return TextProblem(name, text);
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? "";
                    if ((TextProblem(name, key) ?? FirstProblem($"{name}[{key}]", entry.Value, depth + 1)) is { } problem) return problem;
                }
                return null;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    if (FirstProblem($"{name}[{index++}]", item, depth + 1) is { } problem) return problem;
                }
                return null;
        }
        var type = value.GetType();
        if (depth > 3 || type.Namespace?.StartsWith("Dashboard", StringComparison.Ordinal) != true) return null;
        foreach (var (property, member) in MembersOf.GetOrAdd(type, Members))
        {
            if (FirstProblem(depth == 0 ? member : $"{name}.{member}", property.GetValue(value), depth + 1) is { } problem) return problem;
        }
        return (value as IValidatedRequest)?.FirstProblem();
    }

    // Read once per type, not on every request: the checks run before every API call.
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Member)[]> MembersOf = new();

    private static (PropertyInfo, string)[] Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            // A query value is named as the request names it ([FromQuery(Name = "tz")]), not as the record does.
            .Select(property => (property, property.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
                ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..]))
            .ToArray();

    private static ParameterProblem? TextProblem(string name, string text)
    {
        if (text.Length > MaxTextLength)
            return new ParameterProblem(name, $"'{name}' is {text.Length:N0} characters long; at most {MaxTextLength:N0} are accepted.");
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar && text[position] != '\uFFFD')
                return new ParameterProblem(name, $"'{name}' holds broken UTF-16 text.");
            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
                return new ParameterProblem(name, $"'{name}' holds a control character (U+{rune.Value:X4}).");
            position += rune.Utf16SequenceLength;
        }
        return null;
    }
}
