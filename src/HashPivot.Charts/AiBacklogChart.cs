using System.Globalization;
using ScottPlot;

namespace HashPivot.Charts;

/// <summary>AI/HPC backlog (USD billions, contract values as announced, superseded contracts left out) by company as bars, split into colocation and GPU cloud.</summary>
public static class AiBacklogChart
{
    public const int Width = 1200;

    public const int Height = 650;

    /// <summary>One contract counted in the backlog: company, kind ("colocation" or "gpu_cloud") and total value in USD.</summary>
    public readonly record struct Contract(string Company, string Kind, double ValueUsd);

    /// <summary>Legend labels of the two kinds, bottom to top.</summary>
    public static readonly (string Kind, string Label)[] Kinds = [("colocation", "Colocation"), ("gpu_cloud", "GPU cloud")];

    /// <summary>The chart of <paramref name="contracts"/>.</summary>
    public static Plot Create(IReadOnlyList<Contract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var companies = contracts.GroupBy(c => c.Company)
            .Select(g => (Company: g.Key, Total: g.Sum(c => c.ValueUsd) / 1e9))
            .OrderByDescending(c => c.Total)
            .ToList();
        if (companies.Count == 0)
        {
            throw new ArgumentException("Nothing to chart: no AI contract counts in the totals.");
        }

        var plot = ChartRender.NewPlot();
        var inv = CultureInfo.InvariantCulture;
        var total = companies.Sum(c => c.Total);
        plot.Title(string.Create(inv, $"AI/HPC backlog by company, contract value as announced (${total:0.0}B in all)"));
        var bases = new double[companies.Count];
        var palette = new ScottPlot.Palettes.Category10();
        for (var k = 0; k < Kinds.Length; k++)
        {
            var (kind, label) = Kinds[k];
            if (!contracts.Any(c => c.Kind == kind))
            {
                continue;
            }

            var color = palette.GetColor(k);
            var bars = new List<Bar>();
            for (var i = 0; i < companies.Count; i++)
            {
                var value = contracts.Where(c => c.Company == companies[i].Company && c.Kind == kind).Sum(c => c.ValueUsd) / 1e9;
                bars.Add(new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + value, FillColor = color, LineWidth = 0, Size = 0.7 });
                bases[i] += value;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = label;
            plottable.Color = color;
        }

        for (var i = 0; i < companies.Count; i++)
        {
            var text = plot.Add.Text(string.Create(inv, $"${companies[i].Total:0.0}B"), i, companies[i].Total);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 13;
            text.OffsetY = -4;
        }

        ChartRender.CategoryTicks(plot, [.. companies.Select(c => c.Company)]);
        plot.Axes.Left.Label.Text = "USD billions";
        plot.Axes.Bottom.Label.Text = "Sum of total contract value (not reduced for revenue already earned); superseded contracts excluded";
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.SetLimits(-0.6, companies.Count - 0.4, 0, companies.Max(c => c.Total) * 1.12);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Saves the chart atomically to <paramref name="path"/> (PNG or SVG by extension).</summary>
    public static void Save(string path, IReadOnlyList<Contract> contracts) => ChartRender.Save(Create(contracts), path, Width, Height);

    /// <summary>The chart as SVG text, to inline in a page.</summary>
    public static string Svg(IReadOnlyList<Contract> contracts) => ChartRender.Svg(Create(contracts), Width, Height);
}
