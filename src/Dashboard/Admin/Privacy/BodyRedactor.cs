using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Admin.Privacy;

/// <summary>
/// Takes personal data out of a stored body while keeping what the figures are derived from (ids, statuses, dates,
/// sources). A body that is not JSON cannot be told apart, so it is dropped whole.
/// </summary>
public static class BodyRedactor
{
    public const string Mark = "[redacted]";

    private static readonly HashSet<string> Personal = new(StringComparer.OrdinalIgnoreCase)
    {
        "email", "firstname", "lastname", "first_name", "last_name", "phone", "phone_number", "phone_mobile", "mobile",
        "address", "file_link", "applicant_image", "background_info", "connection", "reason", "filename", "work_history",
        "education_history", "videos", "attachments",
    };

    public static byte[] Redact(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return [];
        }
        if (root is null) return [];
        Walk(root);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static void Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (Personal.Contains(name) && obj[name] is not null) obj[name] = Mark;
                    else if (obj[name] is { } child) Walk(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array) if (item is not null) Walk(item);
                break;
        }
    }
}
