using System.Globalization;
using HashPivot.Engine.Markets;
using ScottPlot;

namespace HashPivot.Charts;

/// <summary>Cumulative abnormal return (%) through each day of the event window, one line per ticker, from market-model event studies.</summary>
public static class EventCarChart
{
    public const int Width = 1200;

    public const int Height = 650;

    /// <summary>The chart of <paramref name="results"/>.</summary>
    public static Plot Create(IReadOnlyList<EventStudyResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("Nothing to chart: no event study.");
        }

        var first = results[0];
        var plot = ChartRender.NewPlot();
        var inv = CultureInfo.InvariantCulture;
        plot.Title(string.Create(inv,
            $"Cumulative abnormal return around {first.EventDate:yyyy-MM-dd}, window [{first.Window.WindowStart},{first.Window.WindowEnd}] (market model vs {first.Benchmark})"));
        var start = first.Window.WindowStart;
        foreach (var r in results)
        {
            // CAR is 0 at the close before the window opens, then adds each day's AR.
            var xs = new List<double> { start - 1 };
            var ys = new List<double> { 0 };
            var car = 0.0;
            foreach (var day in r.Days.OrderBy(d => d.Offset))
            {
                car += day.Abnormal * 100;
                xs.Add(day.Offset);
                ys.Add(car);
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = string.Create(inv, $"{r.Asset} (CAR {car:0.00}%, t {r.TStat:0.00})");
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black.WithAlpha(0.5);
        zero.LineWidth = 1;
        var eventDay = plot.Add.VerticalLine(0);
        eventDay.Color = Colors.Gray;
        eventDay.LinePattern = LinePattern.Dashed;
        eventDay.LineWidth = 1;

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var d = start - 1; d <= first.Window.WindowEnd; d++)
        {
            ticks.AddMajor(d, d.ToString("+0;-0;0", inv));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.Label.Text = "Trading days from the event (CAR through that day's close)";
        plot.Axes.Left.Label.Text = "Cumulative abnormal return (%)";
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(start - 1.3, first.Window.WindowEnd + 0.3);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Saves the chart atomically to <paramref name="path"/> (PNG or SVG by extension).</summary>
    public static void Save(string path, IReadOnlyList<EventStudyResult> results) => ChartRender.Save(Create(results), path, Width, Height);

    /// <summary>The chart as SVG text, to inline in a page.</summary>
    public static string Svg(IReadOnlyList<EventStudyResult> results) => ChartRender.Svg(Create(results), Width, Height);
}
