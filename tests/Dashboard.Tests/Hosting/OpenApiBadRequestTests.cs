using System.Text;
using System.Text.Json;
using Dashboard.Tests.Support;
using Serilog.Events;
using Xunit.Abstractions;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// Walks the OpenAPI document and sends every operation bad values for each of its path and query parameters and
/// bad bodies (wrong types, huge and negative numbers, far dates, empty and 10,000-character strings, NUL bytes, null,
/// <c>{}</c>, <c>[]</c>, malformed JSON, the wrong content type), as an admin by token and anonymously. Nothing is ever
/// answered 5xx (but a webhook's 503, which its table allows), nothing is logged as an error, every 400 is
/// problem+json, and a 400 for a parameter names it. Webhooks answer as the README's table says.
/// </summary>
public sealed class OpenApiBadRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] BadValues =
    [
        "abc", "", " ", "-1", "0", "-2147483649", "2147483648", "99999999999999999999", "NaN", "Infinity", "1e309", "0.5",
        "9999-12-31", "0001-01-01", "10000-01-01", "2026-02-30", "31/12/2026", "true", "a\0b", "\u0007", new string('x', 10_000),
        "<script>alert(1)</script>", "'; DROP TABLE \"Deliveries\"; --", "%", "..",
    ];

    private static readonly string[] BadBodies =
    [
        "", "null", "{}", "[]", "{", "}", "not json", "12345", "\"text\"", "true", "[null]", "{\"a\":", "\u0000",
        "{\"x\":\"" + new string('x', 10_000) + "\"}",
    ];

    private static readonly object?[] WrongTypedValues =
        [null, 12345, -1, 1e308, true, "", "a\u0000b", new string('x', 10_000), new object[] { null!, 5 }, new { nested = 1 }];

    private readonly DashboardApplication _app = new();
    private readonly List<string> _failures = [];
    private readonly SortedDictionary<int, int> _statuses = [];
    private int _sent;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAdminsBadRequestsAreAnsweredDeliberately() => await WalkAsync(_app.CreateApiClient());

    [Fact]
    public async Task AnonymousBadRequestsAreAnsweredDeliberately() => await WalkAsync(_app.CreateClient());

    private async Task WalkAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));
        // What start-up logged (EF Core's first look for the migrations table of a new PostgreSQL database) is not ours.
        var loggedBefore = _app.Log.Events.Count;
        var schemas = document.RootElement.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        var operations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is not ("get" or "post" or "put" or "delete" or "patch")) continue;
                operations++;
                await WalkOperationAsync(client, new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, operation.Value, schemas);
            }
        }

        output.WriteLine($"{operations} operations, {_sent} requests; answers: {string.Join(", ", _statuses.Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.True(operations >= 40, $"the OpenAPI document lists only {operations} operations");
        Assert.True(_failures.Count == 0, $"{_failures.Count} answers were not deliberate:\n{string.Join('\n', _failures.Take(40))}");
        var errors = _app.Log.Events.Skip(loggedBefore).Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()).ToList();
        Assert.True(errors.Count == 0, $"errors were logged:\n{string.Join('\n', errors.Take(10))}");
    }

    private async Task WalkOperationAsync(HttpClient client, HttpMethod method, string template, JsonElement operation, JsonElement schemas)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList()
            : [];
        var hasBody = operation.TryGetProperty("requestBody", out var requestBody);

        foreach (var (name, location) in parameters)
        {
            foreach (var bad in BadValues)
            {
                // An empty or ".." segment makes another path; a NUL in a path Kestrel refuses itself, before the app.
                if (location == "path" && (bad.Trim('.').Length == 0 || bad.Contains('\0'))) continue;
                var url = Url(template, parameters, name, bad);
                await SendAsync(client, method, url, hasBody ? ("{}", "application/json") : null,
                    hasBody ? null : (name, location == "path" ? bad : null));
            }
        }

        if (!hasBody) return;
        var url0 = Url(template, parameters, null, null);
        foreach (var body in BadBodies) await SendAsync(client, method, url0, (body, "application/json"), null);
        await SendAsync(client, method, url0, null, null);
        await SendAsync(client, method, url0, ("{}", "text/plain"), null);
        await SendAsync(client, method, url0, ("a=1&b=2", "application/x-www-form-urlencoded"), null);
        foreach (var property in BodyProperties(requestBody, schemas))
        {
            foreach (var wrong in WrongTypedValues)
                await SendAsync(client, method, url0, (JsonSerializer.Serialize(new Dictionary<string, object?> { [property] = wrong }), "application/json"), null);
        }
    }

    private async Task SendAsync(
        HttpClient client, HttpMethod method, string url, (string Text, string Type)? body, (string Name, string? PathValue)? varied)
    {
        _sent++;
        using var request = new HttpRequestMessage(method, url);
        if (body is { } b) request.Content = new StringContent(b.Text, Encoding.UTF8, b.Type);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{method} {Shorten(url)} {(body is { } sent ? $"[{sent.Type}] {Shorten(sent.Text)}" : "")} → {status}";
        var onWebhook = url.StartsWith("/webhooks/", StringComparison.Ordinal);

        if (onWebhook)
        {
            if (status is not (200 or 401 or 413 or 429 or 503)) _failures.Add($"{what}: not in the webhooks table");
            if (status == 503 && response.Headers.RetryAfter is null) _failures.Add($"{what}: 503 without Retry-After");
            if (status == 200 && !text.Contains("\"status\":\"accepted\"") && !text.Contains("\"status\":\"quarantined\""))
                _failures.Add($"{what}: 200 that is neither accepted nor quarantined: {Shorten(text)}");
            return;
        }
        if (status >= 500) _failures.Add($"{what}: {Shorten(text)}");
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        if (status != 400) return;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{what}: 400 as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            return;
        }
        if (varied is { } parameter && !NamesParameter(text, parameter.Name, parameter.PathValue))
            _failures.Add($"{what}: the answer does not name '{parameter.Name}': {Shorten(text)}");
    }

    // By name in errors or detail; a path parameter may instead be quoted by its value ("There is no person 42").
    private static bool NamesParameter(string problem, string parameter, string? pathValue)
    {
        using var json = JsonDocument.Parse(problem);
        var root = json.RootElement;
        if (root.TryGetProperty("errors", out var errors) &&
            errors.EnumerateObject().Any(e => e.Name.StartsWith(parameter, StringComparison.OrdinalIgnoreCase)))
            return true;
        var detail = root.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        return detail.Contains(parameter, StringComparison.OrdinalIgnoreCase)
            || (pathValue is { Length: > 0 } && detail.Replace("%2F", "/").Contains(pathValue.Trim(), StringComparison.Ordinal));
    }

    /// <summary>The path with every parameter at a harmless value (the real webhook key, an id nobody has), one of them bad.</summary>
    private static string Url(string template, IReadOnlyList<(string Name, string In)> parameters, string? badName, string? badValue)
    {
        var path = template;
        var query = new List<string>();
        foreach (var (name, location) in parameters)
        {
            var value = name == badName ? badValue! : location == "path" ? Harmless(template, name) : null;
            if (value is null) continue;
            if (location == "path") path = path.Replace("{" + name + "}", Uri.EscapeDataString(value));
            else query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static string Harmless(string template, string name) => name switch
    {
        "key" => template.Contains("idibu") ? DashboardApplication.IdibuKey : DashboardApplication.FirstbirdKey,
        "provider" => "idibu",
        "id" when template.StartsWith("/api/admin/users", StringComparison.Ordinal) => "nobody",
        _ => "999999",
    };

    private static IEnumerable<string> BodyProperties(JsonElement requestBody, JsonElement schemas)
    {
        if (!requestBody.TryGetProperty("content", out var content)) yield break;
        foreach (var type in content.EnumerateObject())
        {
            if (!type.Value.TryGetProperty("schema", out var schema)) continue;
            if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object &&
                schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var resolved))
                schema = resolved;
            if (!schema.TryGetProperty("properties", out var properties)) continue;
            foreach (var property in properties.EnumerateObject()) yield return property.Name;
            yield break;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text.Replace("\0", "\\0") : text[..160].Replace("\0", "\\0") + "…";
}
