using System.Globalization;
using System.Text;
using CsvHelper;

namespace Dashboard.Analytics;

/// <summary>
/// Writes a figure as CSV that Excel and LibreOffice open as the JSON API means it: UTF-8 with a byte order mark (so
/// names keep their accents), invariant numbers, instants in ISO 8601 in the zone asked for (UTC with a Z; any other
/// zone with its offset, the column's name saying the zone: <c>createdAt (Europe/Berlin)</c>), one column per field
/// (see <see cref="FigureTable"/>). Text is made safe to open: control characters are dropped, and text a spreadsheet
/// would run as a formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.
/// </summary>
public static class FigureCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(object figures, TimeZoneInfo? zone = null)
    {
        var table = FigureTable.Of(figures);
        var local = ZoneCalendar.IsUtc(zone) ? null : zone;
        var instants = Enumerable.Range(0, table.Columns.Count)
            .Select(i => local is not null && table.Rows.Any(row => row[i] is DateTime or DateTimeOffset)).ToList();
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            for (var i = 0; i < table.Columns.Count; i++) csv.WriteField(Clean(instants[i] ? $"{table.Columns[i]} ({local!.Id})" : table.Columns[i]));
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) WriteCell(csv, cell, local);
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    private static void WriteCell(CsvWriter csv, object? value, TimeZoneInfo? local)
    {
        if (local is not null && value is DateTime or DateTimeOffset)
        {
            var utc = value is DateTime at ? new DateTimeOffset(Utc(at)) : (DateTimeOffset)value;
            csv.WriteField(TimeZoneInfo.ConvertTime(utc, local).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            return;
        }
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string text:
                csv.WriteField(Clean(text));
                break;
            case DateTime instant:
                csv.WriteField(Utc(instant), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'");
                break;
            case DateTimeOffset instant:
                csv.WriteField(instant.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'");
                break;
            case DateOnly day:
                csv.WriteField(day, "yyyy-MM-dd");
                break;
            case bool flag:
                csv.WriteField(flag ? "true" : "false");
                break;
            case Enum named:
                csv.WriteField(Clean(named.ToString()));
                break;
            case IUtf8SpanFormattable number:
                WriteNumber(csv, number);
                break;
            default:
                throw new InvalidOperationException($"A figure's {value.GetType().Name} has no CSV form; lay it out in FigureTable.");
        }
    }

    // The store keeps UTC; a kind left unspecified is UTC too.
    private static DateTime Utc(DateTime instant) =>
        instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    private static void WriteNumber(CsvWriter csv, IUtf8SpanFormattable number)
    {
        switch (number)
        {
            case int n: csv.WriteField(n, default); break;
            case long n: csv.WriteField(n, default); break;
            case double n: csv.WriteField(n, default); break;
            case decimal n: csv.WriteField(n, default); break;
            default:
                Span<byte> text = stackalloc byte[64];
                if (!number.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
                    throw new InvalidOperationException($"{number.GetType().Name} did not fit a CSV cell.");
                csv.WriteField((ReadOnlySpan<byte>)text[..written]);
                break;
        }
    }

    /// <summary>Drops control characters (NUL, line breaks, tabs…): a spreadsheet shows none of them as text.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c)) kept.Append(c);
        }
        return kept.ToString();
    }
}
