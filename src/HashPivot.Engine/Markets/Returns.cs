using HashPivot.Engine.Series;

namespace HashPivot.Engine.Markets;

/// <summary>A price change between two closes: dates, prices (series unit) and the simple return (fraction, 0.05 = +5 %).</summary>
/// <param name="FromDate">Date of the starting close.</param>
/// <param name="ToDate">Date of the ending close.</param>
/// <param name="FromPrice">Starting close.</param>
/// <param name="ToPrice">Ending close.</param>
public sealed record PeriodReturn(DateOnly FromDate, DateOnly ToDate, double FromPrice, double ToPrice)
{
    /// <summary>Simple return ToPrice/FromPrice − 1 (fraction).</summary>
    public double Simple => (ToPrice / FromPrice) - 1;

    /// <summary>Log return ln(ToPrice/FromPrice).</summary>
    public double Log => Math.Log(ToPrice / FromPrice);
}

/// <summary>Returns from daily closes (fractions): simple and log, day, period and year-to-date.</summary>
public static class Returns
{
    /// <summary>Simple returns p[i]/p[i−1] − 1, one fewer than the prices.</summary>
    public static double[] Simple(ReadOnlySpan<double> prices)
    {
        var r = new double[Math.Max(prices.Length - 1, 0)];
        for (var i = 1; i < prices.Length; i++)
        {
            r[i - 1] = (prices[i] / prices[i - 1]) - 1;
        }

        return r;
    }

    /// <summary>Log returns ln(p[i]/p[i−1]), one fewer than the prices.</summary>
    public static double[] Log(ReadOnlySpan<double> prices)
    {
        var r = new double[Math.Max(prices.Length - 1, 0)];
        for (var i = 1; i < prices.Length; i++)
        {
            r[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        }

        return r;
    }

    /// <summary>The close-to-close return of <paramref name="date"/>: its close against the previous close in the series.</summary>
    /// <exception cref="ArgumentException">No close on that date, or no earlier close.</exception>
    public static PeriodReturn Day(TimeSeries prices, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var i = IndexOf(prices, date);
        if (i < 0)
        {
            throw new ArgumentException($"{prices.Name} has no close on {date:yyyy-MM-dd} (not a trading day in the data).", nameof(date));
        }

        if (i == 0)
        {
            throw new ArgumentException($"{prices.Name} has no close before {date:yyyy-MM-dd}.", nameof(date));
        }

        return new PeriodReturn(DateAt(prices, i - 1), date, prices.Values[i - 1], prices.Values[i]);
    }

    /// <summary>Return from the last close on or before <paramref name="from"/> to the last close on or before <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException">No close on or before either date, or from is after to.</exception>
    public static PeriodReturn Period(TimeSeries prices, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (from > to)
        {
            throw new ArgumentException($"from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}.", nameof(from));
        }

        var a = LastAtOrBefore(prices, from);
        var b = LastAtOrBefore(prices, to);
        if (a < 0 || b < 0)
        {
            throw new ArgumentException($"{prices.Name} has no close on or before {(a < 0 ? from : to):yyyy-MM-dd}.", nameof(from));
        }

        return new PeriodReturn(DateAt(prices, a), DateAt(prices, b), prices.Values[a], prices.Values[b]);
    }

    /// <summary>Year-to-date return at <paramref name="date"/>: from the last close of the previous calendar year.</summary>
    public static PeriodReturn YearToDate(TimeSeries prices, DateOnly date) => Period(prices, new DateOnly(date.Year - 1, 12, 31), date);

    /// <summary>The calendar date (UTC) of value <paramref name="index"/> of a daily series.</summary>
    public static DateOnly DateAt(TimeSeries prices, int index)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return DateOnly.FromDateTime(prices[index].UtcDateTime);
    }

    /// <summary>Index of the close dated <paramref name="date"/>, or −1.</summary>
    public static int IndexOf(TimeSeries prices, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var i = LastAtOrBefore(prices, date);
        return i >= 0 && DateAt(prices, i) == date ? i : -1;
    }

    /// <summary>Index of the last close on or before <paramref name="date"/>, or −1.</summary>
    public static int LastAtOrBefore(TimeSeries prices, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var limit = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var starts = prices.StartsUnixSeconds;
        int lo = 0, hi = starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (starts[mid] <= limit)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
