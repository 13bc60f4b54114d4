using ScottPlot;

namespace HashPivot.Charts;

/// <summary>A fan chart of projected hashprice (USD/PH/day) by month: P5–P95 and P25–P75 bands and the median over the Monte-Carlo paths.</summary>
public static class HashpriceFanChart
{
    public const int Width = 1200;

    public const int Height = 560;

    /// <summary>Legend labels of the two bands and the median line.</summary>
    public static readonly string[] Series = ["P5–P95", "P25–P75", "Median"];

    /// <summary>The chart of bands given as [P5, P25, P50, P75, P95][month].</summary>
    public static Plot Create(IReadOnlyList<double[]> bands, int paths)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count != 5 || bands[0].Length == 0)
        {
            throw new ArgumentException("need the P5, P25, P50, P75 and P95 rows, each with at least one month", nameof(bands));
        }

        var plot = ChartRender.NewPlot();
        plot.Title($"Projected hashprice, USD/PH/day ({paths:N0} paths)");
        var months = Enumerable.Range(1, bands[0].Length).Select(m => (double)m).ToArray();
        var outer = plot.Add.FillY(months, bands[0], bands[4]);
        outer.FillColor = Colors.SteelBlue.WithAlpha(0.25);
        outer.LegendText = Series[0];
        var inner = plot.Add.FillY(months, bands[1], bands[3]);
        inner.FillColor = Colors.SteelBlue.WithAlpha(0.5);
        inner.LegendText = Series[1];
        var median = plot.Add.Scatter(months, bands[2]);
        median.Color = Colors.Navy;
        median.MarkerSize = 0;
        median.LineWidth = 2;
        median.LegendText = Series[2];
        plot.Axes.Bottom.Label.Text = "Month of the projection";
        plot.Axes.Left.Label.Text = "USD/PH/day";
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Saves the chart atomically (PNG or SVG by extension).</summary>
    public static void Save(string path, IReadOnlyList<double[]> bands, int paths) => ChartRender.Save(Create(bands, paths), path, Width, Height);

    /// <summary>The chart as SVG text.</summary>
    public static string Svg(IReadOnlyList<double[]> bands, int paths) => ChartRender.Svg(Create(bands, paths), Width, Height);
}
