namespace HashPivot.Engine.Valuation;

/// <summary>
/// A log-price random walk for BTC (USD/BTC): ln P moves by drift·Δt + volatility·√Δt·Z each step, Z standard normal.
/// Drift is the drift of the log price per year (not the arithmetic return), volatility per √year.
/// </summary>
public readonly record struct LogPriceModel(double DriftPerYear, double VolatilityPerYear)
{
    /// <summary>Calendar days per year: BTC trades every day, so daily returns annualise by 365 (and √365 for volatility).</summary>
    public const double DaysPerYear = 365;

    /// <summary>
    /// Estimates from consecutive daily closes: drift = mean of ln(P_t/P_{t−1}) × 365, volatility = sample standard deviation (n − 1) × √365.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than three closes, or a close that is not positive and finite.</exception>
    public static LogPriceModel Estimate(ReadOnlySpan<double> dailyClosesUsd)
    {
        if (dailyClosesUsd.Length < 3)
        {
            throw new ArgumentException("need at least three daily closes", nameof(dailyClosesUsd));
        }

        var n = dailyClosesUsd.Length - 1;
        var sum = 0.0;
        for (var i = 1; i <= n; i++)
        {
            sum += LogReturn(dailyClosesUsd, i);
        }

        var mean = sum / n;
        var squares = 0.0;
        for (var i = 1; i <= n; i++)
        {
            var d = LogReturn(dailyClosesUsd, i) - mean;
            squares += d * d;
        }

        return new LogPriceModel(mean * DaysPerYear, Math.Sqrt(squares / (n - 1)) * Math.Sqrt(DaysPerYear));
    }

    private static double LogReturn(ReadOnlySpan<double> closes, int i)
    {
        var (a, b) = (closes[i - 1], closes[i]);
        if (!(a > 0) || !(b > 0) || !double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentException($"close {i} or {i - 1} is not a positive finite price", nameof(closes));
        }

        return Math.Log(b / a);
    }
}
