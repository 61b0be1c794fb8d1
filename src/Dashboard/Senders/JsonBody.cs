using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Dashboard.Senders;

/// <summary>
/// Opens a sender's body as JSON, or says in plain words why it cannot: empty, form-encoded, not UTF-8, not JSON,
/// too deep. Never throws, whatever the bytes; and a document it returns can be read as text anywhere without throwing.
/// </summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static JsonDocument? TryOpen(ReadOnlySpan<byte> body, string? contentType, string formAdvice, out string? problem)
    {
        problem = null;
        var bytes = body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;
        var text = bytes.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            problem = "empty body";
            return null;
        }
        if (IsForm(contentType) || LooksLikeForm(text))
        {
            problem = $"form-encoded body; {formAdvice}";
            return null;
        }
        if (!Utf8.IsValid(bytes))
        {
            problem = "body is not valid UTF-8 text";
            return null;
        }
        try
        {
            var document = JsonDocument.Parse(bytes.ToArray(), Options);
            if (HasLoneSurrogateEscape(bytes)) problem = "body is not valid UTF-8 text: an escape (\\uD800-\\uDFFF) stands for half a character";
            if (problem is null) return document;
            document.Dispose();
            return null;
        }
        catch (JsonException ex) when (ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            problem = "JSON nested too deeply (more than 64 levels)";
        }
        catch (JsonException ex)
        {
            problem = $"body is not valid JSON: {FirstSentence(ex.Message)}";
        }
        catch (ArgumentException ex)
        {
            problem = $"body is not valid JSON: {FirstSentence(ex.Message)}";
        }
        return null;
    }

    /// <summary>
    /// The parser lets <c>"\ud800"</c> through, but reading such a string later throws; finding it here keeps every
    /// reader of the document free of that trap.
    /// </summary>
    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        // Every such escape is written \uD8…-\uDF… (either case of the D): a body without one needs no second pass.
        if (json.IndexOf("\\ud"u8) < 0 && json.IndexOf("\\uD"u8) < 0) return false;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = Options.MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip,
        });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsForm(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    // A form body names a field first: letters, then '='. JSON starts with a bracket, quote, digit or literal.
    private static bool LooksLikeForm(ReadOnlySpan<byte> text)
    {
        var equals = text.IndexOf((byte)'=');
        if (equals <= 0 || text[0] is (byte)'{' or (byte)'[' or (byte)'"') return false;
        foreach (var b in text[..equals])
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.' or (byte)'%' or (byte)'[' or (byte)']'))
                return false;
        }
        return true;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..cut] : message.TrimEnd('.');
        return sentence.Length <= 200 ? sentence : sentence[..200];
    }
}
