using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Analytics.Charts;

/// <summary>
/// An ApexCharts chart over JS interop. Created once after the first render; when <see cref="Data"/>, the kind or
/// the colour scheme change, the live chart is updated in place (no redraw from scratch, no flicker); destroyed with
/// the component or the circuit.
/// </summary>
public sealed partial class ApexChart
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ApexChart>? _self;
    private int? _chartId;
    // What was last sent to the browser, by its hash: a chart of years of weeks is a large text to keep per page.
    private byte[]? _drawn;
    private readonly string _tableId = $"chart-table-{Guid.NewGuid():N}";
    private bool _tableShown;

    /// <summary>What to draw.</summary>
    [Parameter, EditorRequired] public ChartData Data { get; set; } = ChartData.Empty;

    /// <summary>The kind of chart.</summary>
    [Parameter] public ChartKind Kind { get; set; } = ChartKind.Bar;

    /// <summary>The chart's name: its label for screen readers and the caption of its table.</summary>
    [Parameter] public string? Title { get; set; }

    /// <summary>What the categories are, heading their column in the chart's table (a week, a source, a stage).</summary>
    [Parameter] public string CategoryName { get; set; } = "Category";

    /// <summary>A CSS height.</summary>
    [Parameter] public string Height { get; set; } = "320px";

    /// <summary>Raised when a bar, slice or stage is clicked; set it to make the chart drillable.</summary>
    [Parameter] public EventCallback<ChartPoint> OnPointSelected { get; set; }

    /// <summary>
    /// Raised with a series' index when its legend entry is clicked (or chosen from the keyboard); set, a legend
    /// entry selects instead of hiding its series. A donut's legend entries are its slices and raise
    /// <see cref="OnPointSelected"/> instead.
    /// </summary>
    [Parameter] public EventCallback<int> OnSeriesSelected { get; set; }

    /// <summary>Follows the layout's dark mode.</summary>
    [CascadingParameter(Name = "DarkMode")] public bool Dark { get; set; }

    /// <summary>On a wall screen: larger type read from across a room, and nothing to click.</summary>
    [CascadingParameter(Name = "Kiosk")] public bool Kiosk { get; set; }

    private string Summary => ChartSummary.Describe(Title ?? "Chart", Kind, Data);

    private IEnumerable<ChartSeries> ShownSeries => Kind == ChartKind.Donut ? Data.Series.Take(1) : Data.Series;

    private bool Selectable => !Kiosk && (OnPointSelected.HasDelegate || OnSeriesSelected.HasDelegate);

    private bool LegendSelects => Kind == ChartKind.Donut ? OnPointSelected.HasDelegate : OnSeriesSelected.HasDelegate;

    // A wall screen's chart is read from across the room: taller, its text larger.
    private string DrawnHeight => Kiosk && Height.EndsWith("px", StringComparison.Ordinal)
        && double.TryParse(Height[..^2], System.Globalization.CultureInfo.InvariantCulture, out var pixels)
            ? $"{Math.Round(pixels * 1.6)}px"
            : Height;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var options = ChartOptionsWriter.Write(Kind, Data, Dark, DrawnHeight, Title, large: Kiosk, legendSelects: Selectable && LegendSelects);
        var drawn = SHA256.HashData(Encoding.UTF8.GetBytes(options.ToJsonString()));
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/apexchart.js");
            _self = Selectable ? DotNetObjectReference.Create(this) : null;
            _chartId = await _module.InvokeAsync<int>("create", _element, options, _self);
            _drawn = drawn;
        }
        else if (_module is not null && _chartId is { } id && !drawn.AsSpan().SequenceEqual(_drawn))
        {
            _drawn = drawn;
            await _module.InvokeVoidAsync("update", id, options);
        }
    }

    /// <summary>Has the browser save the chart as a PNG file; nothing before it is drawn.</summary>
    public async Task SavePngAsync(string fileName)
    {
        if (_module is not null && _chartId is { } id) await _module.InvokeVoidAsync("savePng", id, fileName);
    }

    [JSInvokable]
    public Task OnPointSelectedFromChart(int seriesIndex, int dataPointIndex) =>
        OnPointSelected.InvokeAsync(new ChartPoint(seriesIndex, dataPointIndex));

    [JSInvokable]
    public Task OnLegendSelectedFromChart(int index) =>
        Kind == ChartKind.Donut ? OnPointSelected.InvokeAsync(new ChartPoint(0, index)) : OnSeriesSelected.InvokeAsync(index);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                if (_chartId is { } id) await _module.InvokeVoidAsync("destroy", id);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser with it: nothing is left to clean up.
        }
        _self?.Dispose();
    }
}
