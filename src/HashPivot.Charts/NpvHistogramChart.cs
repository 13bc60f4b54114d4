using ScottPlot;

namespace HashPivot.Charts;

/// <summary>Histogram of NPV (USD millions) over the Monte-Carlo paths, one outline per strategy, on shared bins.</summary>
public static class NpvHistogramChart
{
    public const int Width = 1200;

    public const int Height = 560;

    private const int Bins = 40;

    /// <summary>The chart of named NPV samples (USD).</summary>
    public static Plot Create(string title, IReadOnlyList<(string Strategy, double[] NpvUsd)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0 || samples.Any(s => s.NpvUsd.Length == 0))
        {
            throw new ArgumentException("every strategy needs at least one NPV sample", nameof(samples));
        }

        var plot = ChartRender.NewPlot();
        plot.Title(title);
        var min = samples.Min(s => s.NpvUsd.Min()) / 1e6;
        var max = samples.Max(s => s.NpvUsd.Max()) / 1e6;
        var width = max > min ? (max - min) / Bins : 1;
        var palette = new ScottPlot.Palettes.Category10();
        for (var k = 0; k < samples.Count; k++)
        {
            var counts = new double[Bins + 1];
            foreach (var v in samples[k].NpvUsd)
            {
                counts[Math.Min(Bins, (int)(((v / 1e6) - min) / width))]++;
            }

            var xs = Enumerable.Range(0, Bins + 1).Select(b => min + ((b + 0.5) * width)).ToArray();
            var line = plot.Add.Scatter(xs, counts.Select(c => c / samples[k].NpvUsd.Length).ToArray());
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.Color = palette.GetColor(k);
            line.LegendText = samples[k].Strategy;
        }

        plot.Axes.Bottom.Label.Text = "NPV, USD millions";
        plot.Axes.Left.Label.Text = "Share of paths";
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Saves the chart atomically (PNG or SVG by extension).</summary>
    public static void Save(string path, string title, IReadOnlyList<(string Strategy, double[] NpvUsd)> samples) =>
        ChartRender.Save(Create(title, samples), path, Width, Height);

    /// <summary>The chart as SVG text.</summary>
    public static string Svg(string title, IReadOnlyList<(string Strategy, double[] NpvUsd)> samples) => ChartRender.Svg(Create(title, samples), Width, Height);
}
