using System.Text.Json.Nodes;

namespace Dashboard.Components.Charts;

/// <summary>
/// Turns a <see cref="ChartData"/> into the options object ApexCharts expects. Categories, series names and donut
/// labels are sender text (sources, places, firstbird values): they are written exactly as sent, and only into the
/// options the library draws as SVG text or hands to the formatters of <c>wwwroot/js/chart-text.js</c>, which escape
/// them for the tooltip and the legend. No other option (titles, annotations, no-data text) carries them.
/// </summary>
public static class ChartOptionsWriter
{
    public static JsonObject Write(ChartKind kind, ChartData data, bool dark, string height)
    {
        var options = new JsonObject
        {
            ["chart"] = new JsonObject
            {
                ["type"] = TypeOf(kind),
                ["height"] = height,
                ["stacked"] = kind == ChartKind.StackedBar,
                ["background"] = "transparent",
                ["fontFamily"] = "inherit",
                ["toolbar"] = new JsonObject { ["show"] = false },
                ["animations"] = new JsonObject { ["enabled"] = true, ["speed"] = 300 },
            },
            ["theme"] = new JsonObject { ["mode"] = dark ? "dark" : "light" },
            ["colors"] = new JsonArray(ChartPalette.Colours.Select(c => (JsonNode)c).ToArray()),
            ["noData"] = new JsonObject { ["text"] = "No data for these filters" },
            ["legend"] = new JsonObject { ["position"] = "bottom" },
        };

        if (kind == ChartKind.Donut)
        {
            options["series"] = new JsonArray((data.Series.FirstOrDefault()?.Values ?? []).Select(v => (JsonNode)v).ToArray());
            options["labels"] = Strings(data.Categories);
            return options;
        }

        options["series"] = new JsonArray(data.Series.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["data"] = new JsonArray(s.Values.Select(v => (JsonNode)v).ToArray()),
        }).ToArray());
        options["xaxis"] = new JsonObject { ["categories"] = Strings(data.Categories) };
        options["dataLabels"] = new JsonObject { ["enabled"] = kind is ChartKind.HorizontalBar or ChartKind.Funnel };
        options["stroke"] = new JsonObject { ["curve"] = "smooth", ["width"] = kind is ChartKind.Line or ChartKind.Area ? 2 : 0 };
        if (kind is ChartKind.HorizontalBar or ChartKind.Funnel)
        {
            options["plotOptions"] = new JsonObject
            {
                ["bar"] = new JsonObject { ["horizontal"] = true, ["isFunnel"] = kind == ChartKind.Funnel, ["borderRadius"] = 2 },
            };
        }
        return options;
    }

    private static string TypeOf(ChartKind kind) => kind switch
    {
        ChartKind.Line => "line",
        ChartKind.Area => "area",
        ChartKind.Donut => "donut",
        _ => "bar",
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
