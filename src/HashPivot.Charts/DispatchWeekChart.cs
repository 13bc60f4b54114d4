using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;
using ScottPlot;

namespace HashPivot.Charts;

/// <summary>Draws one week of a dispatch (price in USD/MWh on the right axis; mining and AI MW on the left) and saves it as PNG or SVG by the file's extension.</summary>
public static class DispatchWeekChart
{
    public const int Width = 1400;

    public const int Height = 600;

    /// <summary>True for the extensions the chart can be saved as (<c>.png</c>, <c>.svg</c>, any case).</summary>
    public static bool IsSupported(string path) => ChartRender.IsSupported(path);

    /// <summary>Indexes [first, end) of the intervals starting inside [weekStart, weekStart + 7 days).</summary>
    public static (int First, int End) Window(TimeSeries prices, DateTimeOffset weekStart)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return Window(prices.StartsUnixSeconds, weekStart);
    }

    /// <summary>Indexes [first, end) of the interval starts (Unix seconds, ascending) inside [weekStart, weekStart + 7 days).</summary>
    public static (int First, int End) Window(ReadOnlySpan<long> starts, DateTimeOffset weekStart)
    {
        var from = weekStart.ToUnixTimeSeconds();
        var to = weekStart.AddDays(7).ToUnixTimeSeconds();
        var first = 0;
        while (first < starts.Length && starts[first] < from)
        {
            first++;
        }

        var end = first;
        while (end < starts.Length && starts[end] < to)
        {
            end++;
        }

        return (first, end);
    }

    /// <summary>The chart of intervals [first, end).</summary>
    public static Plot Create(string title, TimeSeries prices, DispatchSchedule schedule, int first, int end)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(schedule);
        var mining = new double[schedule.Count];
        for (var t = 0; t < mining.Length; t++)
        {
            mining[t] = schedule.MiningMw(t);
        }

        return Create(title, prices.StartsUnixSeconds.ToArray(), prices.IntervalSeconds, prices.Values.ToArray(), mining, [.. schedule.AiServedMw], first, end);
    }

    /// <summary>The chart of intervals [first, end) from columns: interval starts (Unix seconds), price (USD/MWh), mining MW and AI MW.</summary>
    public static Plot Create(string title, long[] startsUnixSeconds, long intervalSeconds, double[] priceUsdPerMwh, double[] miningMw, double[] aiMw, int first, int end)
    {
        ArgumentNullException.ThrowIfNull(startsUnixSeconds);
        ArgumentNullException.ThrowIfNull(priceUsdPerMwh);
        ArgumentNullException.ThrowIfNull(miningMw);
        ArgumentNullException.ThrowIfNull(aiMw);
        if (first < 0 || end > startsUnixSeconds.Length || end <= first)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Empty or out-of-range window [{first}, {end}) of {startsUnixSeconds.Length} intervals.");
        }

        var n = end - first;

        // One extra point closes the last step at the end of its interval.
        var xs = new double[n + 1];
        var price = new double[n + 1];
        var mining = new double[n + 1];
        var ai = new double[n + 1];
        for (var k = 0; k <= n; k++)
        {
            var t = Math.Min(first + k, end - 1);
            var start = k < n ? startsUnixSeconds[first + k] : startsUnixSeconds[end - 1] + intervalSeconds;
            xs[k] = DateTimeOffset.FromUnixTimeSeconds(start).UtcDateTime.ToOADate();
            price[k] = priceUsdPerMwh[t];
            mining[k] = miningMw[t];
            ai[k] = aiMw[t];
        }

        var plot = ChartRender.NewPlot();
        plot.Title(title);
        var miningLine = plot.Add.Scatter(xs, mining);
        miningLine.LegendText = "Mining MW";
        miningLine.ConnectStyle = ConnectStyle.StepHorizontal;
        miningLine.MarkerSize = 0;
        miningLine.LineWidth = 2;
        miningLine.FillY = true;
        miningLine.FillYColor = miningLine.Color.WithAlpha(0.25);

        var aiLine = plot.Add.Scatter(xs, ai);
        aiLine.LegendText = "AI MW";
        aiLine.ConnectStyle = ConnectStyle.StepHorizontal;
        aiLine.MarkerSize = 0;
        aiLine.LineWidth = 2;

        var priceLine = plot.Add.Scatter(xs, price);
        priceLine.LegendText = "Price USD/MWh (right)";
        priceLine.ConnectStyle = ConnectStyle.StepHorizontal;
        priceLine.MarkerSize = 0;
        priceLine.LineWidth = 1.5f;
        priceLine.Axes.YAxis = plot.Axes.Right;

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Bottom.Label.Text = "UTC";
        plot.Axes.Left.Label.Text = "MW";
        plot.Axes.Right.Label.Text = "USD/MWh";
        // Headroom above the highest load so the lines do not run along the frame; the legend sits below the plot.
        var topMw = Math.Max(mining.Max(), ai.Max());
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, topMw > 0 ? topMw * 1.15 : 1, plot.Axes.Left);
        plot.ShowLegend(Edge.Bottom);

        return plot;
    }

    /// <summary>Saves the chart atomically to <paramref name="path"/> (PNG or SVG by extension).</summary>
    public static void Save(string path, string title, TimeSeries prices, DispatchSchedule schedule, int first, int end) => ChartRender.Save(Create(title, prices, schedule, first, end), path, Width, Height);

    /// <summary>The chart as SVG text, to inline in a page.</summary>
    public static string Svg(string title, TimeSeries prices, DispatchSchedule schedule, int first, int end) => ChartRender.Svg(Create(title, prices, schedule, first, end), Width, Height);

    /// <summary>The chart of intervals [first, end) from columns, as SVG text.</summary>
    public static string Svg(string title, long[] startsUnixSeconds, long intervalSeconds, double[] priceUsdPerMwh, double[] miningMw, double[] aiMw, int first, int end) =>
        ChartRender.Svg(Create(title, startsUnixSeconds, intervalSeconds, priceUsdPerMwh, miningMw, aiMw, first, end), Width, Height);
}
