using System.Globalization;
using HashPivot.Engine.Sector;
using ScottPlot;

namespace HashPivot.Charts;

/// <summary>GW by company stacked by status (energized, under construction, approved/planned, status not disclosed) from the sector roll-up; prospective GW is left out and stated in a note.</summary>
public static class SectorGwChart
{
    public const int Width = 1400;

    public const int Height = 700;

    /// <summary>The stacked statuses, bottom to top, with their legend labels.</summary>
    public static readonly (string Label, Func<CompanyRollup, double> Gw)[] Statuses =
    [
        ("Energized", r => r.GwEnergized),
        ("Under construction", r => r.GwUnderConstruction),
        ("Approved/planned", r => r.GwApprovedPlanned),
        ("Status not disclosed", r => r.GwStatusUndisclosed),
    ];

    /// <summary>The chart of <paramref name="summary"/>.</summary>
    public static Plot Create(SectorSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var stacked = summary.Companies.Select(r => (Row: r, Gw: Statuses.Sum(s => s.Gw(r)))).ToList();
        var shown = stacked.Where(c => c.Gw > 0).OrderByDescending(c => c.Gw).Select(c => c.Row).ToList();
        var missing = stacked.Where(c => c.Gw <= 0).Select(c => c.Row.Ticker).ToList();
        if (shown.Count == 0)
        {
            throw new ArgumentException($"Nothing to chart: no company has disclosed MW as of {summary.AsOf:yyyy-MM-dd}.");
        }

        var plot = ChartRender.NewPlot();
        var inv = CultureInfo.InvariantCulture;
        plot.Title($"Listed miners' power by status as of {summary.AsOf:yyyy-MM-dd} (GW as disclosed)");
        var bases = new double[shown.Count];
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < Statuses.Length; s++)
        {
            var (label, gw) = Statuses[s];
            // Grey for "not disclosed" so it does not read as a status of its own.
            var color = s == Statuses.Length - 1 ? Colors.Gray : palette.GetColor(s);
            var bars = new List<Bar>();
            for (var i = 0; i < shown.Count; i++)
            {
                var value = gw(shown[i]);
                bars.Add(new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + value, FillColor = color, LineWidth = 0, Size = 0.7 });
                bases[i] += value;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = label;
            plottable.Color = color;
        }

        // Totals above each stack.
        for (var i = 0; i < shown.Count; i++)
        {
            var text = plot.Add.Text(bases[i].ToString("0.00", inv), i, bases[i]);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 13;
            text.OffsetY = -4;
        }

        ChartRender.CategoryTicks(plot, [.. shown.Select(r => r.Ticker)]);
        plot.Axes.Left.Label.Text = "GW";
        var note = string.Create(inv, $"Prospective (exclusivity/evaluation) {summary.Total.GwProspective:0.00} GW not shown, as in the GW total.");
        if (missing.Count > 0)
        {
            note += $" No MW disclosed: {string.Join(", ", missing)}.";
        }

        plot.Axes.Bottom.Label.Text = note;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.SetLimits(-0.6, shown.Count - 0.4, 0, bases.Max() * 1.12);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Saves the chart atomically to <paramref name="path"/> (PNG or SVG by extension).</summary>
    public static void Save(string path, SectorSummary summary) => ChartRender.Save(Create(summary), path, Width, Height);

    /// <summary>The chart as SVG text, to inline in a page.</summary>
    public static string Svg(SectorSummary summary) => ChartRender.Svg(Create(summary), Width, Height);
}
