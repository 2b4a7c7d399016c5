using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// The look every figure shares: 800×500 pixels, type sizes that stay legible at that size, a palette that colour-blind
/// readers can tell apart (Okabe and Ito's, yellow last: it is faint on white), and integer ticks for epochs and timesteps.
/// </summary>
internal static class PlotStyle
{
    public const int Width = 800;
    public const int Height = 500;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    /// <summary>
    /// A sans-serif family the machine has, or null to keep ScottPlot's choice: ScottPlot takes the first font Skia
    /// resolves, which on Debian is DejaVu Serif even where DejaVu Sans is installed.
    /// </summary>
    private static readonly Lazy<string?> SansFamily = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }.FirstOrDefault(name =>
        {
            using var typeface = SkiaSharp.SKTypeface.FromFamilyName(name);
            return typeface?.FamilyName == name;
        }));

    /// <summary>A neutral grey for reference lines (clean accuracy, chance).</summary>
    public static Color Reference { get; } = Color.FromHex("#7F7F7F");

    /// <summary>The <paramref name="index"/>-th series colour (the palette repeats after eight).</summary>
    public static Color Series(int index) => Palette[index % Palette.Length];

    /// <summary>An empty plot with a title (which may hold a second line) and labelled axes.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (SansFamily.Value is { } family) plot.Font.Set(family);
        plot.Title(Wrap(title), 15);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// <paramref name="title"/> with each line longer than <paramref name="width"/> characters broken after its last
    /// <c>; </c>, <c>, </c> or space that fits: at 15 px a line of about 90 characters fills the 800-pixel figure, and
    /// ScottPlot cuts longer ones at both sides.
    /// </summary>
    public static string Wrap(string title, int width = 88)
    {
        var lines = new List<string>();
        foreach (var line in title.Split('\n'))
        {
            var rest = line;
            while (rest.Length > width)
            {
                var cut = new[] { "; ", ", ", " " }.Select(separator => rest.LastIndexOf(separator, width, StringComparison.Ordinal) is var at and > 0 ? at + separator.Length : -1)
                    .FirstOrDefault(at => at > width / 2, -1);
                if (cut < 0) break;
                lines.Add(rest[..cut].TrimEnd());
                rest = rest[cut..];
            }
            lines.Add(rest);
        }
        return string.Join('\n', lines);
    }

    /// <summary>A line with its points marked, in series colour <paramref name="index"/>.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string legend, int index)
    {
        var line = plot.Add.Scatter(xs, ys, Series(index));
        line.LegendText = legend;
        line.LineWidth = 2;
        line.MarkerSize = 7;
        return line;
    }

    /// <summary>
    /// Error bars of ± <paramref name="deviations"/> around a series' points, in series colour <paramref name="index"/>;
    /// none when every deviation is 0 (groups of one run).
    /// </summary>
    public static void Deviations(Plot plot, double[] xs, double[] means, double[] deviations, int index)
    {
        if (deviations.All(d => d == 0)) return;
        var bars = plot.Add.ErrorBar(xs, means, deviations);
        bars.Color = Series(index);
        bars.LineWidth = 1.5f;
    }

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>
    /// Gives the <paramref name="index"/>-th of several runs' lines its own marker and dash pattern besides its colour, so
    /// that runs whose curves coincide (the same data, a replicate) still show every one of them.
    /// </summary>
    public static void Distinguish(ScottPlot.Plottables.Scatter line, int index)
    {
        line.MarkerShape = Shapes[index % Shapes.Length];
        line.LinePattern = Patterns[index % Patterns.Length];
    }

    /// <summary>Ticks at the integers <paramref name="first"/>..<paramref name="last"/> (epochs, timesteps), at most about 12 of them.</summary>
    public static void IntegerTicks(IAxis axis, int first, int last)
    {
        var step = Math.Max(1, (int)Math.Ceiling((last - first + 1) / 12.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var value = first; value <= last; value += step)
            ticks.AddMajor(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        axis.TickGenerator = ticks;
    }
}
