using System.Text.Json.Nodes;
using Bunit;
using Dashboard.Analytics.Charts;

namespace Dashboard.Tests.Analytics.Charts;

/// <summary>
/// Sender text reaches the chart options as sent, and only in the three places the chart bridge (chart-text.js) knows:
/// categories and series names, which the library draws as SVG text and the bridge escapes for tooltip and legend,
/// and donut labels, likewise. Escaped here, SVG labels would read <c>&amp;amp;</c>; anywhere else, the library could
/// write it as HTML unescaped.
/// </summary>
public sealed class ChartOptionsTextTests : BunitContext
{
    public static readonly TheoryData<string> Hostile =
    [
        "<img src=x onerror=\"window.__xss=1\">",
        "<svg onload=window.__xss=1>",
        "\"><script>window.__xss=1</script>",
        "javascript:window.__xss=1",
        "Tom &amp; Jerry &lt;b&gt;",
        "A & B <x>",
        "' onmouseover='window.__xss=1",
    ];

    private static readonly string[] TextPaths = ["xaxis.categories[]", "series[].name", "labels[]"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryKindOfChartWritesSenderTextAsSentAndOnlyWhereTheBridgeEscapesIt(string text)
    {
        var data = new ChartData([text, "LinkedIn"], [new(text, [3, 1]), new("Placed", [1, 0])]);

        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            var options = ChartOptionsWriter.Write(kind, data, dark: false, "300px");

            var places = PlacesHolding(options, text).ToList();
            Assert.NotEmpty(places);
            Assert.All(places, place => Assert.Contains(place, TextPaths));
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheChartComponentHandsTheTextToTheBridgeUnchanged(string text)
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.Setup<int>("create", _ => true).SetResult(1);

        Render<ApexChart>(p => p.Add(c => c.Data, new ChartData([text], [new(text, [2])])).Add(c => c.Kind, ChartKind.Bar));

        // What the browser receives is JSON: parse it back as the bridge will.
        var sent = JsonNode.Parse(((JsonNode)Assert.Single(module.Invocations["create"]).Arguments[1]!).ToJsonString())!;
        Assert.Equal(text, sent["xaxis"]!["categories"]![0]!.GetValue<string>());
        Assert.Equal(text, sent["series"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void DonutLabelsAreWrittenAsSent(string text)
    {
        var options = ChartOptionsWriter.Write(ChartKind.Donut, new([text, "B"], [new("Ratings", [2, 1])]), dark: true, "260px");

        Assert.Equal(text, options["labels"]![0]!.GetValue<string>());
        Assert.Equal(new[] { "labels[]" }, PlacesHolding(options, text).ToArray());
    }

    /// <summary>Every place in the options whose string value contains <paramref name="text"/>, array indices as <c>[]</c>.</summary>
    private static IEnumerable<string> PlacesHolding(JsonNode? node, string text, string path = "") => node switch
    {
        JsonObject o => o.SelectMany(p => PlacesHolding(p.Value, text, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany(item => PlacesHolding(item, text, path + "[]")),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Contains(text, StringComparison.Ordinal) => [path],
        _ => [],
    };
}
