using System.Text;
using System.Text.Json;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// Seeded mutations of a payload, byte-level and token-level: flips, truncation, deleting and duplicating tokens,
/// swapping a value for one of another type, deep nesting, huge numbers, hostile text, invalid UTF-8 and splices of
/// two payloads. The same <see cref="Random"/> sequence always gives the same body.
/// </summary>
public sealed class PayloadMutator(Random random)
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-1", "-0", "{}", "[]", "\"\"", "\" \"", "\"0\"",
        "1e309", "-1e309", "123456789012345678901234567890123456789", "9223372036854775808", "1.7976931348623157e+308",
        "0.000000000000000000000000000001", "\"1e400\"",
        "\"2024-10-17T16:53:12+02:00\"", "\"2017-06-28 15:57:55\"", "\"1970-01-01 12:00:00.000Z\"",
        "\"0001-01-01T01:01:00.000+0139\"", "\"2020-01-01\"", "\"9999-12-31T23:59:59-14:00\"", "\"2024-02-30\"", "\"not a date\"",
        "\"<script>alert(1)</script>\"", "\"'; DROP TABLE Deliveries;--\"", "\"👩🏽‍💻\"", "\"\u202Eשלום مرحبا\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"candidate.update\"", "\"job_application.hired\"", "\"points.gained\"",
        "{\"id\":null}", "[{\"id\":\"1\"}]", "{\"status_id\":\"11\",\"status_type\":\"extra\"}",
    ];

    private readonly List<Func<byte[], byte[]>> _mutations = [];

    public PayloadMutator With(IReadOnlyList<byte[]> others)
    {
        _mutations.Clear();
        _mutations.AddRange(
        [
            FlipByte, FlipBit, Truncate, DeleteSpan, DuplicateSpan, DeleteToken, DuplicateToken,
            SwapValue, SwapValue, SwapValue, SwapValue, SwapValue, SwapValue, NestValue, NestValue, HugeString, HugeString,
            InvalidUtf8, body => Splice(body, others),
        ]);
        return this;
    }

    public byte[] Mutate(byte[] original)
    {
        var body = original;
        // Mostly one mutation, so that many bodies stay close enough to valid to reach the projector.
        var count = random.Next(10) < 6 ? 1 : 2 + random.Next(2);
        for (var i = 0; i < count; i++) body = _mutations[random.Next(_mutations.Count)](body);
        return body;
    }

    private byte[] FlipByte(byte[] body) => Edit(body, b => b[random.Next(b.Length)] = (byte)random.Next(256));

    private byte[] FlipBit(byte[] body) => Edit(body, b => b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8)));

    private byte[] Truncate(byte[] body) => body[..random.Next(body.Length + 1)];

    private byte[] DeleteSpan(byte[] body)
    {
        if (body.Length == 0) return body;
        var start = random.Next(body.Length);
        var length = Math.Min(1 + random.Next(32), body.Length - start);
        return [.. body[..start], .. body[(start + length)..]];
    }

    private byte[] DuplicateSpan(byte[] body)
    {
        if (body.Length == 0) return body;
        var start = random.Next(body.Length);
        var span = body[start..Math.Min(body.Length, start + 1 + random.Next(64))];
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. span, .. body[at..]];
    }

    private byte[] DeleteToken(byte[] body) =>
        Tokens(body, valuesOnly: false) is { Count: > 0 } tokens && tokens[random.Next(tokens.Count)] is var (start, end)
            ? [.. body[..start], .. body[end..]]
            : DeleteSpan(body);

    private byte[] DuplicateToken(byte[] body) =>
        Tokens(body, valuesOnly: false) is { Count: > 0 } tokens && tokens[random.Next(tokens.Count)] is var (start, end)
            ? [.. body[..end], .. body[start..end], .. body[end..]]
            : DuplicateSpan(body);

    private byte[] SwapValue(byte[] body) =>
        ReplaceValue(body, _ => Encoding.UTF8.GetBytes(Replacements[random.Next(Replacements.Length)]));

    private byte[] NestValue(byte[] body)
    {
        var depth = new[] { 2, 10, 63, 64, 65, 200, 5_000 }[random.Next(7)];
        var asArrays = random.Next(2) == 0;
        return ReplaceValue(body, value =>
        {
            var open = Encoding.UTF8.GetBytes(asArrays ? "[" : "{\"n\":");
            var close = Encoding.UTF8.GetBytes(asArrays ? "]" : "}");
            var nested = new List<byte>((open.Length + close.Length) * depth + value.Length);
            for (var i = 0; i < depth; i++) nested.AddRange(open);
            nested.AddRange(value);
            for (var i = 0; i < depth; i++) nested.AddRange(close);
            return [.. nested];
        });
    }

    private byte[] HugeString(byte[] body) =>
        ReplaceValue(body, _ => Encoding.UTF8.GetBytes("\"" + new string((char)('a' + random.Next(26)), 1 + random.Next(200_000)) + "\""));

    private byte[] InvalidUtf8(byte[] body)
    {
        byte[][] sequences = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. sequences[random.Next(sequences.Length)], .. body[at..]];
    }

    private byte[] Splice(byte[] body, IReadOnlyList<byte[]> others)
    {
        var other = others[random.Next(others.Count)];
        return [.. body[..random.Next(body.Length + 1)], .. other[random.Next(other.Length + 1)..]];
    }

    private byte[] ReplaceValue(byte[] body, Func<byte[], byte[]> replacement)
    {
        var values = Tokens(body, valuesOnly: true);
        if (values.Count == 0) return FlipByte(body);
        var (start, end) = values[random.Next(values.Count)];
        return [.. body[..start], .. replacement(body[start..end]), .. body[end..]];
    }

    private static byte[] Edit(byte[] body, Action<byte[]> edit)
    {
        if (body.Length == 0) return body;
        var copy = (byte[])body.Clone();
        edit(copy);
        return copy;
    }

    /// <summary>Byte ranges of the tokens (or, with <paramref name="valuesOnly"/>, of whole values) of a JSON body.</summary>
    private static List<(int Start, int End)> Tokens(byte[] body, bool valuesOnly)
    {
        var ranges = new List<(int, int)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 10_000, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (valuesOnly)
                    {
                        var whole = reader;
                        whole.Skip();
                        ranges.Add((start, (int)whole.BytesConsumed));
                    }
                    else ranges.Add((start, start + 1));
                }
                else if (!valuesOnly || reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    ranges.Add((start, (int)reader.BytesConsumed));
                }
            }
        }
        catch (JsonException)
        {
            // A body already broken by an earlier mutation: the tokens read so far still serve.
        }
        return ranges;
    }
}
