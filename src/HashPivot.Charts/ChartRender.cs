using HashPivot.Data.Files;
using ScottPlot;

namespace HashPivot.Charts;

/// <summary>What the charts share: the font, the atomic save by extension (PNG or SVG), SVG text for pages, and category ticks.</summary>
public static class ChartRender
{
    /// <summary>True for the extensions a chart can be saved as (<c>.png</c>, <c>.svg</c>, any case).</summary>
    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg";

    /// <summary>A new plot with the font every Debian image has (stack.md).</summary>
    public static Plot NewPlot()
    {
        // Installed fonts differ between machines; DejaVu Sans is on every Debian image (stack.md).
        Fonts.Default = "DejaVu Sans";
        return new Plot();
    }

    /// <summary>Saves <paramref name="plot"/> atomically to <paramref name="path"/>, as SVG or PNG by its extension.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, temporary =>
        {
            if (svg)
            {
                plot.SaveSvg(temporary, width, height);
            }
            else
            {
                plot.SavePng(temporary, width, height);
            }
        });
    }

    /// <summary>The plot as SVG text of the given pixel size.</summary>
    public static string Svg(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height);
    }

    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(labels);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
    }
}
