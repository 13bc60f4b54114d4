namespace HashPivot.Engine.Series;

/// <summary>Inner join of several <see cref="TimeSeries"/> with the same interval onto the instants they all share (values keep their units).</summary>
public static class Alignment
{
    /// <summary>The instants present in every series, with each series' values at those instants.</summary>
    /// <exception cref="ArgumentException">No series given, or the series have different intervals (joining hourly to daily by instant would silently pick one hour a day).</exception>
    public static AlignedSeries InnerJoin(params IReadOnlyList<TimeSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("At least one series is needed.", nameof(series));
        }

        var interval = series[0].Interval;
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            if (s.Interval != interval)
            {
                throw new ArgumentException($"Series '{s.Name}' has interval {s.Interval}, '{series[0].Name}' has {interval}.", nameof(series));
            }
        }

        var k = series.Count;
        var cursors = new int[k];
        var minCount = series.Min(s => s.Count);
        var starts = new List<long>(minCount);
        var picked = new List<int>[k];
        for (var j = 0; j < k; j++)
        {
            picked[j] = new List<int>(minCount);
        }

        // k-way merge: all inputs are strictly increasing, so advance every cursor that lags the largest head.
        while (true)
        {
            long max = long.MinValue;
            for (var j = 0; j < k; j++)
            {
                if (cursors[j] >= series[j].Count)
                {
                    return Build(series, starts, picked);
                }

                max = Math.Max(max, series[j].StartsUnixSeconds[cursors[j]]);
            }

            var allEqual = true;
            for (var j = 0; j < k; j++)
            {
                var s = series[j].StartsUnixSeconds;
                while (cursors[j] < s.Length && s[cursors[j]] < max)
                {
                    cursors[j]++;
                }

                if (cursors[j] >= s.Length)
                {
                    return Build(series, starts, picked);
                }

                allEqual &= s[cursors[j]] == max;
            }

            if (allEqual)
            {
                starts.Add(max);
                for (var j = 0; j < k; j++)
                {
                    picked[j].Add(cursors[j]);
                    cursors[j]++;
                }
            }
        }
    }

    private static AlignedSeries Build(IReadOnlyList<TimeSeries> series, List<long> starts, List<int>[] picked)
    {
        var values = new double[series.Count][];
        for (var j = 0; j < series.Count; j++)
        {
            var source = series[j].Values;
            var column = new double[starts.Count];
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = source[picked[j][i]];
            }

            values[j] = column;
        }

        return new AlignedSeries(series[0].Interval, [.. starts], [.. series.Select(s => s.Name)], [.. series.Select(s => s.Unit)], values);
    }
}

/// <summary>Several series on common UTC instants: <see cref="Values"/>[j][i] is series j (in <see cref="Units"/>[j]) at <see cref="StartsUnixSeconds"/>[i].</summary>
public sealed record AlignedSeries(
    TimeSpan Interval,
    IReadOnlyList<long> StartsUnixSeconds,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Units,
    IReadOnlyList<double[]> Values)
{
    /// <summary>The number of common instants.</summary>
    public int Count => StartsUnixSeconds.Count;

    /// <summary>Common instant <paramref name="index"/> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset InstantAt(int index) => DateTimeOffset.FromUnixTimeSeconds(StartsUnixSeconds[index]);
}
