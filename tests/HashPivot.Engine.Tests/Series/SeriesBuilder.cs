using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

// Small series for tests: regular starts from a UTC instant.
internal static class SeriesBuilder
{
    public static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TimeSeries Regular(TimeSpan interval, params double[] values) => Regular(Jan1, interval, values);

    public static TimeSeries Regular(DateTimeOffset start, TimeSpan interval, params double[] values)
    {
        var starts = new long[values.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = start.ToUnixTimeSeconds() + (i * (long)interval.TotalSeconds);
        }

        return new TimeSeries("test", "USD/MWh", interval, starts, values);
    }
}
