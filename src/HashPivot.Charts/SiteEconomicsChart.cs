using ScottPlot;

namespace HashPivot.Charts;

/// <summary>Mine or host, per site: mining margin (USD millions per MW of mining load per year) beside lease and GPU-cloud margins net of the capital charge (per MW of grid connection per year), as grouped bars.</summary>
public static class SiteEconomicsChart
{
    public const int Width = 1200;

    public const int Height = 560;

    /// <summary>One site's three margins in USD per MW-year; mining is null for a site without miners.</summary>
    public readonly record struct SiteMargins(string Site, double? MiningUsdPerMwYear, double LeaseNetUsdPerMwYear, double GpuCloudNetUsdPerMwYear);

    /// <summary>The series, left to right within each site, with their legend labels.</summary>
    public static readonly string[] Series = ["Mining margin", "Lease net of capital", "GPU cloud net of capital"];

    /// <summary>The chart of <paramref name="sites"/>.</summary>
    public static Plot Create(IReadOnlyList<SiteMargins> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (sites.Count == 0)
        {
            throw new ArgumentException("Nothing to chart: no site.", nameof(sites));
        }

        var plot = ChartRender.NewPlot();
        plot.Title("Margin per MW-year by use (USD millions): mining vs hosting AI, AI net of the capital charge");
        var palette = new ScottPlot.Palettes.Category10();
        Func<SiteMargins, double?>[] values = [s => s.MiningUsdPerMwYear, s => s.LeaseNetUsdPerMwYear, s => s.GpuCloudNetUsdPerMwYear];
        for (var k = 0; k < values.Length; k++)
        {
            var color = palette.GetColor(k);
            var bars = new List<Bar>();
            for (var i = 0; i < sites.Count; i++)
            {
                if (values[k](sites[i]) is { } usd && double.IsFinite(usd))
                {
                    bars.Add(new Bar { Position = i + ((k - 1) * 0.27), Value = usd / 1e6, FillColor = color, LineWidth = 0, Size = 0.25 });
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = Series[k];
            plottable.Color = color;
        }

        ChartRender.CategoryTicks(plot, [.. sites.Select(s => s.Site)]);
        plot.Axes.Left.Label.Text = "USD millions per MW-year";
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Axes.AutoScale();
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Saves the chart atomically to <paramref name="path"/> (PNG or SVG by extension).</summary>
    public static void Save(string path, IReadOnlyList<SiteMargins> sites) => ChartRender.Save(Create(sites), path, Width, Height);

    /// <summary>The chart as SVG text, to inline in a page.</summary>
    public static string Svg(IReadOnlyList<SiteMargins> sites) => ChartRender.Svg(Create(sites), Width, Height);
}
