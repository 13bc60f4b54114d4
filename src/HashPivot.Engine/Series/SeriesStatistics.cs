namespace HashPivot.Engine.Series;

/// <summary>Summary statistics of a series' values (in the series' unit): mean, extremes, percentiles, spike and negative-value counts, hours covered.</summary>
/// <remarks>
/// Percentiles use linear interpolation between closest ranks (Hyndman and Fan type 7, the default of NumPy,
/// R and Excel's PERCENTILE.INC): for p in [0, 1] over n sorted values x[0..n-1], h = (n − 1)·p and
/// P = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). NaN values are not filtered; a series containing NaN gives NaN
/// statistics, because a parser should have refused them before they got here.
/// </remarks>
public static class SeriesStatistics
{
    /// <summary>Summary of <paramref name="series"/>, counting values strictly above <paramref name="spikeThreshold"/> (in the series' unit) as spikes.</summary>
    public static SeriesSummary Summarize(TimeSeries series, double spikeThreshold)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Summarize(series.Values, series.Interval, spikeThreshold);
    }

    /// <summary>Summary of <paramref name="values"/>, each covering <paramref name="interval"/>. An empty input gives count 0 and NaN statistics.</summary>
    public static SeriesSummary Summarize(ReadOnlySpan<double> values, TimeSpan interval, double spikeThreshold)
    {
        var intervalHours = interval.TotalHours;
        if (values.IsEmpty)
        {
            return new SeriesSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, 0, intervalHours);
        }

        var sum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var spikes = 0;
        var negatives = 0;
        foreach (var v in values)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            spikes += v > spikeThreshold ? 1 : 0;
            negatives += v < 0 ? 1 : 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new SeriesSummary(
            values.Length,
            sum / values.Length,
            min,
            max,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.90),
            Percentile(sorted, 0.99),
            spikes,
            negatives,
            values.Length * intervalHours,
            intervalHours);
    }

    /// <summary>The <paramref name="p"/>-quantile (p in [0, 1]) of already ascending-sorted values, by linear interpolation (type 7).</summary>
    /// <exception cref="ArgumentException">Empty input or p outside [0, 1].</exception>
    public static double Percentile(ReadOnlySpan<double> sortedAscending, double p)
    {
        if (sortedAscending.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sortedAscending));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentException($"p must be in [0, 1], not {p}.", nameof(p));
        }

        var h = (sortedAscending.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sortedAscending.Length - 1)
        {
            return sortedAscending[^1];
        }

        return sortedAscending[lo] + ((h - lo) * (sortedAscending[lo + 1] - sortedAscending[lo]));
    }
}

/// <summary>Summary statistics of a series, in the series' unit; counts are intervals and <see cref="HoursEquivalent"/> is count × interval length in hours.</summary>
public sealed record SeriesSummary(
    int Count,
    double Mean,
    double Min,
    double Max,
    double P50,
    double P90,
    double P99,
    int SpikeCount,
    int NegativeCount,
    double HoursEquivalent,
    double IntervalHours)
{
    /// <summary>Hours spent above the spike threshold: spike intervals × interval length.</summary>
    public double SpikeHours => SpikeCount * IntervalHours;

    /// <summary>Hours with a negative value (for prices: hours a load is paid to consume).</summary>
    public double NegativeHours => NegativeCount * IntervalHours;
}
