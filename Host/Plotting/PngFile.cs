using Neuromorph.Data;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>Renders a plot to a PNG file whole or not at all: the image is rendered in memory, then written by rename.</summary>
internal static class PngFile
{
    /// <summary>
    /// Writes <paramref name="plot"/> to <paramref name="path"/> at <paramref name="width"/>×<paramref name="height"/> pixels
    /// (creating its folder) and records it in <paramref name="drawn"/>.
    /// </summary>
    public static void Save(Plot plot, string path, DrawnFigures drawn, int width = PlotStyle.Width, int height = PlotStyle.Height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(bytes));
        drawn.Wrote(path);
    }
}
