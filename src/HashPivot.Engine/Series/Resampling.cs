namespace HashPivot.Engine.Series;

/// <summary>Downsampling of a <see cref="TimeSeries"/> to a longer interval by the mean over complete UTC-aligned buckets (values keep their unit).</summary>
/// <remarks>
/// Buckets are aligned to the Unix epoch, so a one-day bucket is a UTC calendar day and a one-hour bucket a UTC
/// clock hour. A bucket is complete when it holds target / source-interval values; incomplete buckets are left
/// out of the result and listed in <see cref="ResampleResult.IncompleteBuckets"/> so the caller decides what a
/// partial hour or day means, rather than the resampler quietly averaging three quarters of an hour.
/// </remarks>
public static class Resampling
{
    /// <summary>15-minute (or any sub-hourly) values to hourly means over complete UTC hours.</summary>
    public static ResampleResult ToHourlyMean(TimeSeries series) => Resample(series, TimeSpan.FromHours(1));

    /// <summary>Hourly (or any sub-daily) values to daily means over complete UTC days.</summary>
    public static ResampleResult ToDailyMean(TimeSeries series) => Resample(series, TimeSpan.FromDays(1));

    /// <summary>Means over complete buckets of length <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a whole multiple (≥ 1) of the series interval.</exception>
    public static ResampleResult Resample(TimeSeries series, TimeSpan target)
    {
        ArgumentNullException.ThrowIfNull(series);
        var targetSeconds = TimeSeries.ToWholeSeconds(target, nameof(target));
        var source = series.IntervalSeconds;
        if (targetSeconds < source || targetSeconds % source != 0)
        {
            throw new ArgumentException($"Target {target} is not a whole multiple of the series interval {series.Interval}.", nameof(target));
        }

        var expected = (int)(targetSeconds / source);
        var starts = series.StartsUnixSeconds;
        var values = series.Values;
        var outStarts = new List<long>(starts.Length / expected + 1);
        var outValues = new List<double>(starts.Length / expected + 1);
        var incomplete = new List<IncompleteBucket>();

        var i = 0;
        while (i < starts.Length)
        {
            var bucket = FloorTo(starts[i], targetSeconds);
            var bucketEnd = bucket + targetSeconds;
            var sum = 0.0;
            var n = 0;
            // Starts are strictly increasing, so one forward pass visits each bucket once.
            while (i < starts.Length && starts[i] < bucketEnd)
            {
                sum += values[i];
                n++;
                i++;
            }

            if (n == expected)
            {
                outStarts.Add(bucket);
                outValues.Add(sum / n);
            }
            else
            {
                incomplete.Add(new IncompleteBucket(DateTimeOffset.FromUnixTimeSeconds(bucket), n, expected));
            }
        }

        var result = new TimeSeries(series.Name, series.Unit, target, CollectionsMarshalSpan(outStarts), CollectionsMarshalSpan(outValues));
        return new ResampleResult(result, incomplete);
    }

    // Floor division that stays correct for instants before 1970.
    private static long FloorTo(long value, long step) => value - (((value % step) + step) % step);

    private static ReadOnlySpan<T> CollectionsMarshalSpan<T>(List<T> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
}

/// <summary>The outcome of <see cref="Resampling.Resample"/>: the resampled series (same unit) and the buckets left out because they were incomplete.</summary>
public sealed record ResampleResult(TimeSeries Series, IReadOnlyList<IncompleteBucket> IncompleteBuckets);

/// <summary>A target bucket (UTC start) that held fewer source values than a complete bucket needs, so it has no mean.</summary>
public sealed record IncompleteBucket(DateTimeOffset Start, int ValuesPresent, int ValuesExpected);
