using System.Text.Json.Nodes;

namespace Dashboard.Analytics.Charts;

/// <summary>
/// Turns a <see cref="ChartData"/> into the options object ApexCharts expects. Categories, series names and donut
/// labels are sender text (sources, places, firstbird values): they are written exactly as sent, and only into the
/// options the library draws as SVG text or hands to the formatters of <c>wwwroot/js/chart-text.js</c>, which escape
/// them for the tooltip and the legend. No other option (titles, annotations, no-data text, the accessible label)
/// carries them: the chart's summary for screen readers is written by the page, as text.
/// </summary>
public static class ChartOptionsWriter
{
    /// <summary>Below this width (a phone) labels get room of their own: see <see cref="Narrow"/>.</summary>
    public const int NarrowWidth = 600;

    /// <summary>Text on a wall screen, read from across a room.</summary>
    public const string LargeText = "20px";

    /// <param name="large">A wall screen's chart: every label, value and legend entry in <see cref="LargeText"/>.</param>
    /// <param name="legendSelects">A legend entry selects its series (or slice) instead of hiding it.</param>
    public static JsonObject Write(ChartKind kind, ChartData data, bool dark, string height, string? title = null, bool large = false,
        bool legendSelects = false)
    {
        var options = Base(kind, data, dark, height, title);
        if (legendSelects) options["legend"]!["onItemClick"] = new JsonObject { ["toggleDataSeries"] = false };
        if (large) Enlarge(options, kind);
        return options;
    }

    private static JsonObject Base(ChartKind kind, ChartData data, bool dark, string height, string? title)
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
                // wwwroot/js/apexchart.js turns these off when the person asks for reduced motion.
                ["animations"] = new JsonObject { ["enabled"] = true, ["speed"] = 300 },
                // The SVG's own label (it is the keyboard's way into the chart); the chart's title, never sender text.
                ["accessibility"] = new JsonObject { ["enabled"] = true, ["description"] = title ?? "Chart" },
            },
            ["theme"] = new JsonObject { ["mode"] = dark ? "dark" : "light" },
            ["colors"] = new JsonArray(ChartPalette.Colours.Select(c => (JsonNode)c).ToArray()),
            ["noData"] = new JsonObject { ["text"] = "No data for these filters" },
            ["legend"] = new JsonObject { ["position"] = "bottom" },
        };

        options["responsive"] = new JsonArray(new JsonObject { ["breakpoint"] = NarrowWidth, ["options"] = Narrow(kind) });

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

    private static void Enlarge(JsonObject options, ChartKind kind)
    {
        JsonObject Sized() => new() { ["style"] = new JsonObject { ["fontSize"] = LargeText } };
        options["legend"]!["fontSize"] = LargeText;
        options["dataLabels"] = options["dataLabels"] as JsonObject ?? new JsonObject();
        options["dataLabels"]!["style"] = new JsonObject { ["fontSize"] = LargeText };
        options["tooltip"] = new JsonObject { ["style"] = new JsonObject { ["fontSize"] = LargeText } };
        if (kind == ChartKind.Donut) return;
        options["xaxis"]!["labels"] = Sized();
        options["yaxis"] = new JsonObject { ["labels"] = Sized() };
    }

    // On a phone: labels at a readable size, week labels turned rather than dropped, bar values inside wide enough bars,
    // and the legend under the chart where it does not squeeze the plot.
    private static JsonObject Narrow(ChartKind kind)
    {
        var narrow = new JsonObject
        {
            ["legend"] = new JsonObject { ["position"] = "bottom", ["fontSize"] = "13px" },
            ["dataLabels"] = new JsonObject { ["style"] = new JsonObject { ["fontSize"] = "12px" } },
        };
        if (kind is ChartKind.Bar or ChartKind.StackedBar or ChartKind.Line or ChartKind.Area)
        {
            narrow["xaxis"] = new JsonObject
            {
                ["labels"] = new JsonObject
                {
                    ["rotate"] = -45, ["rotateAlways"] = true, ["hideOverlappingLabels"] = true, ["trim"] = true,
                    ["style"] = new JsonObject { ["fontSize"] = "12px" },
                },
            };
        }
        if (kind is ChartKind.HorizontalBar or ChartKind.Funnel)
        {
            narrow["yaxis"] = new JsonObject
            {
                ["labels"] = new JsonObject { ["maxWidth"] = 110, ["style"] = new JsonObject { ["fontSize"] = "12px" } },
            };
        }
        return narrow;
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
