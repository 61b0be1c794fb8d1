using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Dashboard.Analytics;

/// <summary>
/// Writes a figure as CSV: a list of rows as a table, a single figure as (figure, key, value) rows. Text that a
/// spreadsheet would run as a formula is defused.
/// </summary>
public static class FigureCsv
{
    public static string Write(object figures) => figures switch
    {
        IRowPage page => Table(page.Rows.Cast<object>().ToList()),
        TimeSeries series => Series(series),
        FunnelTimings timings => Table(timings.Stages.Cast<object>().ToList())
            + $"toPlacement,{Cell(timings.MedianDaysToPlacement)},{timings.PlacedPairs}\n",
        FunnelFigures funnel => Table(funnel.Stages.Cast<object>().Append(new FunnelStageFigure("Rejected", 0, funnel.Rejected)).ToList()),
        IEnumerable rows when figures is not string => Table(rows.Cast<object>().ToList()),
        _ => Pairs(figures),
    };

    private static string Table(IReadOnlyList<object> rows)
    {
        var text = new StringBuilder();
        if (rows.Count == 0) return "";
        var properties = rows[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        text.AppendLine(string.Join(',', properties.Select(p => Cell(JsonName(p.Name)))));
        foreach (var row in rows) text.AppendLine(string.Join(',', properties.Select(p => Cell(p.GetValue(row)))));
        return text.ToString();
    }

    private static string Series(TimeSeries series)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', series.Series.Select(s => Cell(s.Name)).Prepend("week")));
        for (var i = 0; i < series.Periods.Count; i++)
            text.AppendLine(string.Join(',', series.Series.Select(s => Cell(s.Values[i])).Prepend(Cell(series.Periods[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        return text.ToString();
    }

    private static string Pairs(object figure)
    {
        var text = new StringBuilder("figure,key,value\n");
        foreach (var property in figure.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(figure);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    text.AppendLine($"{Cell(JsonName(property.Name))},{Cell(entry.Key)},{Cell(entry.Value)}");
            }
            else
            {
                text.AppendLine($"{Cell(JsonName(property.Name))},,{Cell(value)}");
            }
        }
        return text.ToString();
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable list and not string => string.Join(';', list.Cast<object>()),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && value is string) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
