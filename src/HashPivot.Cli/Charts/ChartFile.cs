using System.CommandLine;
using ScottPlot;

namespace HashPivot.Cli.Charts;

/// <summary>What the charts share: the <c>--chart FILE.png|svg</c> option, the font, and the atomic save by extension.</summary>
internal static class ChartFile
{
    /// <summary>True for the extensions a chart can be saved as (<c>.png</c>, <c>.svg</c>, any case).</summary>
    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg";

    /// <summary>A <c>--chart</c> option that only accepts .png or .svg files.</summary>
    public static Option<FileInfo?> Option(string description)
    {
        var chart = new Option<FileInfo?>("--chart") { Description = description };
        chart.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo?>() is { } f && !IsSupported(f.Name))
            {
                r.AddError($"--chart must end in .png or .svg, got '{f.Name}'.");
            }
        });
        return chart;
    }

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

    /// <summary>Category ticks: label i at x = i on the bottom axis.</summary>
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
