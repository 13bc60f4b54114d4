using System.Globalization;

namespace HashPivot.Engine.Series;

/// <summary>A regular-interval series of values (in <see cref="Unit"/>) at strictly increasing UTC interval starts, with the interval length explicit.</summary>
/// <remarks>
/// Each value covers the half-open interval [start, start + <see cref="Interval"/>). Instants are kept as Unix
/// seconds so that joins and resampling are integer arithmetic; gaps between instants are allowed (a market file
/// can miss hours), duplicates and disorder are not. The arrays are copied on construction, so a series is immutable.
/// </remarks>
public sealed class TimeSeries
{
    private readonly long[] _starts;
    private readonly double[] _values;

    /// <summary>Creates a series from interval starts in Unix seconds (UTC) and one value per start.</summary>
    /// <exception cref="ArgumentException">Lengths differ, the interval is not a positive whole number of seconds, or starts are not strictly increasing.</exception>
    public TimeSeries(string name, string unit, TimeSpan interval, ReadOnlySpan<long> startsUnixSeconds, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        if (startsUnixSeconds.Length != values.Length)
        {
            throw new ArgumentException($"{startsUnixSeconds.Length} instants but {values.Length} values.", nameof(values));
        }

        IntervalSeconds = ToWholeSeconds(interval, nameof(interval));
        for (var i = 1; i < startsUnixSeconds.Length; i++)
        {
            if (startsUnixSeconds[i] <= startsUnixSeconds[i - 1])
            {
                throw new ArgumentException(
                    $"Instants must be strictly increasing: index {i} ({startsUnixSeconds[i]}) follows {startsUnixSeconds[i - 1]}.",
                    nameof(startsUnixSeconds));
            }
        }

        Name = name;
        Unit = unit;
        Interval = interval;
        _starts = startsUnixSeconds.ToArray();
        _values = values.ToArray();
    }

    /// <summary>Creates a series from UTC interval starts (offset must be zero) and one value per start.</summary>
    /// <exception cref="ArgumentException">An instant has a non-zero offset or any rule of the main constructor is broken.</exception>
    public static TimeSeries FromInstants(string name, string unit, TimeSpan interval, IReadOnlyList<DateTimeOffset> starts, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var seconds = new long[starts.Count];
        for (var i = 0; i < seconds.Length; i++)
        {
            // A non-UTC offset is almost always a local time that was never converted: refuse it rather than guess.
            if (starts[i].Offset != TimeSpan.Zero)
            {
                throw new ArgumentException($"Instant {i} ({starts[i]:O}) is not UTC.", nameof(starts));
            }

            seconds[i] = starts[i].ToUnixTimeSeconds();
        }

        return new TimeSeries(name, unit, interval, seconds, values);
    }

    /// <summary>What the values are, for example a settlement point such as <c>HB_NORTH</c>.</summary>
    public string Name { get; }

    /// <summary>The unit of every value, for example <c>USD/MWh</c>.</summary>
    public string Unit { get; }

    /// <summary>The length of the interval each value covers.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The interval length in whole seconds.</summary>
    public long IntervalSeconds { get; }

    /// <summary>The number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The values, one per interval, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The interval starts in Unix seconds (UTC), strictly increasing.</summary>
    public ReadOnlySpan<long> StartsUnixSeconds => _starts;

    /// <summary>The start of the first interval (UTC).</summary>
    /// <exception cref="InvalidOperationException">The series is empty.</exception>
    public DateTimeOffset Start => Count > 0 ? this[0] : throw new InvalidOperationException($"Series '{Name}' is empty.");

    /// <summary>The exclusive end of the last interval (UTC).</summary>
    /// <exception cref="InvalidOperationException">The series is empty.</exception>
    public DateTimeOffset End => Count > 0
        ? DateTimeOffset.FromUnixTimeSeconds(_starts[^1] + IntervalSeconds)
        : throw new InvalidOperationException($"Series '{Name}' is empty.");

    /// <summary>The start (UTC) of interval <paramref name="index"/>.</summary>
    public DateTimeOffset this[int index] => DateTimeOffset.FromUnixTimeSeconds(_starts[index]);

    /// <summary>Name, unit, interval and extent, for logs and messages.</summary>
    public override string ToString() => Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} [{Unit}] every {Interval}: empty")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} [{Unit}] every {Interval}: {Count} values {Start:O} .. {End:O}");

    internal static long ToWholeSeconds(TimeSpan interval, string parameterName)
    {
        if (interval <= TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"Interval must be a positive whole number of seconds, not {interval}.", parameterName);
        }

        return interval.Ticks / TimeSpan.TicksPerSecond;
    }
}
