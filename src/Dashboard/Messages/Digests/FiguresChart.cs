using SkiaSharp;

namespace Dashboard.Messages.Digests;

/// <summary>
/// The headline figures as a PNG for emails, which run no script: a pair of bars per figure, this period beside the
/// one before, each labelled with its number. Drawn on the server with SkiaSharp.
/// </summary>
public static class FiguresChart
{
    private const int Width = 640, Height = 300, Top = 36, Bottom = 56, Side = 24;

    // Okabe–Ito, as on the dashboard's charts: blue for now, grey for before.
    private static readonly SKColor Now = SKColor.Parse("#0072B2");
    private static readonly SKColor Before = SKColor.Parse("#999999");
    private static readonly SKColor Ink = SKColor.Parse("#222222");

    // The Linux build of Skia used here finds no system fonts by name, so the font is read from its file. Without
    // one (Debian: fonts-dejavu-core) the bars are drawn unlabelled; the email's table still says every number.
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
        FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null) ?? SKTypeface.Default);

    /// <summary>Whether this machine has a font to label the bars with.</summary>
    public static bool HasLabels => Typeface.Value != SKTypeface.Default;

    public sealed record Bar(string Name, int Value, int? Previous);

    public static byte[] Render(IReadOnlyList<Bar> bars)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var typeface = Typeface.Value;
        using var font = new SKFont(typeface, 13);
        using var small = new SKFont(typeface, 11);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var now = new SKPaint { Color = Now, IsAntialias = true };
        using var before = new SKPaint { Color = Before, IsAntialias = true };

        canvas.DrawRect(Side, 10, 12, 12, now);
        canvas.DrawText("This period", Side + 18, 21, SKTextAlign.Left, small, ink);
        canvas.DrawRect(Side + 110, 10, 12, 12, before);
        canvas.DrawText("Period before", Side + 128, 21, SKTextAlign.Left, small, ink);

        var highest = Math.Max(1, bars.Max(b => Math.Max(b.Value, b.Previous ?? 0)));
        var slot = (Width - 2f * Side) / Math.Max(1, bars.Count);
        var barWidth = slot * 0.3f;
        var baseline = Height - Bottom;
        var room = baseline - Top - 16f;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var centre = Side + slot * (i + 0.5f);
            if (bar.Previous is { } previous) DrawBar(canvas, centre - barWidth, barWidth, previous, highest, baseline, room, before, small, ink);
            DrawBar(canvas, bar.Previous is null ? centre - barWidth / 2 : centre, barWidth, bar.Value, highest, baseline, room, now, small, ink);
            canvas.DrawText(bar.Name, centre, baseline + 20, SKTextAlign.Center, font, ink);
        }
        canvas.DrawLine(Side, baseline, Width - Side, baseline, ink);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawBar(SKCanvas canvas, float left, float width, int value, int highest, float baseline, float room, SKPaint fill,
        SKFont font, SKPaint ink)
    {
        var height = Math.Max(value > 0 ? 2f : 0f, room * value / highest);
        canvas.DrawRect(left, baseline - height, width, height, fill);
        canvas.DrawText(value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), left + width / 2, baseline - height - 4,
            SKTextAlign.Center, font, ink);
    }
}
