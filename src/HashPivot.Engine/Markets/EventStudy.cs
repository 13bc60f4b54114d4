using HashPivot.Engine.Series;

namespace HashPivot.Engine.Markets;

/// <summary>Event-study windows in trading days relative to the event day 0 (the return that ends on the event date's close).</summary>
/// <param name="EstimationStart">First day of the estimation window (default −250).</param>
/// <param name="EstimationEnd">Last day of the estimation window (default −11).</param>
/// <param name="WindowStart">First day of the event window (default −1).</param>
/// <param name="WindowEnd">Last day of the event window (default +1).</param>
public sealed record EventWindow(int EstimationStart = -250, int EstimationEnd = -11, int WindowStart = -1, int WindowEnd = 1)
{
    /// <summary>Length L₁ of the estimation window in trading days.</summary>
    public int EstimationDays => EstimationEnd - EstimationStart + 1;

    /// <summary>Length L₂ of the event window in trading days.</summary>
    public int WindowDays => WindowEnd - WindowStart + 1;
}

/// <summary>One day of the event window: returns (fractions), the market-model expectation α + β·r_m and the abnormal return AR = r − (α + β·r_m).</summary>
/// <param name="Offset">Trading days from the event day.</param>
/// <param name="Date">Close date ending the return.</param>
/// <param name="Return">Asset simple return.</param>
/// <param name="BenchmarkReturn">Benchmark simple return.</param>
/// <param name="Expected">α + β·r_m.</param>
/// <param name="Abnormal">AR = Return − Expected.</param>
public sealed record AbnormalReturn(int Offset, DateOnly Date, double Return, double BenchmarkReturn, double Expected, double Abnormal);

/// <summary>Market-model event study of one asset: α, β, σ̂ from the estimation window; AR per day, CAR over the window and its t-statistic (fractions).</summary>
/// <param name="Asset">Asset name.</param>
/// <param name="Benchmark">Benchmark name.</param>
/// <param name="EventDate">Event date (day 0).</param>
/// <param name="Window">Windows used.</param>
/// <param name="Fit">OLS fit r = α + β·r_m + ε over the estimation window.</param>
/// <param name="EstimationFrom">Close date ending the first estimation return.</param>
/// <param name="EstimationTo">Close date ending the last estimation return.</param>
/// <param name="Days">AR for each event-window day.</param>
/// <param name="EventDay">Day 0.</param>
/// <param name="Car">CAR = Σ AR over the event window.</param>
/// <param name="CarVariance">Var(CAR) = L₂·σ̂² (MacKinlay 1997 eq. 15–16 without the estimation-error term).</param>
/// <param name="TStat">CAR / √Var(CAR), approximately N(0,1) under no effect for large L₁.</param>
public sealed record EventStudyResult(
    string Asset,
    string Benchmark,
    DateOnly EventDate,
    EventWindow Window,
    OlsFit Fit,
    DateOnly EstimationFrom,
    DateOnly EstimationTo,
    IReadOnlyList<AbnormalReturn> Days,
    AbnormalReturn EventDay,
    double Car,
    double CarVariance,
    double TStat);

/// <summary>
/// Event studies with the market model (MacKinlay 1997, "Event Studies in Economics and Finance"): α, β by OLS of the asset's daily
/// simple returns on the benchmark's over the estimation window; AR_t = r_t − α − β·r_m,t; CAR = Σ AR_t over the event window;
/// σ̂² = Σε²/(L₁ − 2); Var(CAR) = L₂·σ̂² (the estimation-error term is dropped, as MacKinlay does for large L₁); t = CAR/√Var(CAR).
/// </summary>
public static class EventStudy
{
    /// <summary>Runs the study for <paramref name="asset"/> against <paramref name="benchmark"/> around <paramref name="eventDate"/>.</summary>
    /// <exception cref="ArgumentException">The windows are malformed, the event date is not a common trading day, or the history is too short for the windows.</exception>
    public static EventStudyResult Run(TimeSeries asset, TimeSeries benchmark, DateOnly eventDate, EventWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(benchmark);
        window ??= new EventWindow();
        if (window.EstimationStart > window.EstimationEnd || window.WindowStart > window.WindowEnd || window.EstimationEnd >= window.WindowStart)
        {
            throw new ArgumentException(
                $"Windows must be ordered: estimation [{window.EstimationStart}, {window.EstimationEnd}] before event window [{window.WindowStart}, {window.WindowEnd}].",
                nameof(window));
        }

        if (window.EstimationDays < 3)
        {
            throw new ArgumentException("The estimation window needs at least 3 days.", nameof(window));
        }

        var pairs = PairedReturns.From(asset, benchmark);
        var day0 = -1;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs.EndOf(i) == eventDate)
            {
                day0 = i;
                break;
            }
        }

        if (day0 < 0)
        {
            throw new ArgumentException($"{eventDate:yyyy-MM-dd} is not a trading day on which both {asset.Name} and {benchmark.Name} have a close and a previous close.", nameof(eventDate));
        }

        var first = day0 + window.EstimationStart;
        var last = day0 + window.WindowEnd;
        if (first < 0 || last >= pairs.Count)
        {
            throw new ArgumentException(
                $"{asset.Name} vs {benchmark.Name}: the windows need returns from day {window.EstimationStart} to day {window.WindowEnd} around {eventDate:yyyy-MM-dd}, "
                + $"but only {day0} returns precede it and {pairs.Count - 1 - day0} follow it.",
                nameof(eventDate));
        }

        var estFrom = day0 + window.EstimationStart;
        var fit = Regression.Ols(
            pairs.BenchmarkReturns.AsSpan(estFrom, window.EstimationDays),
            pairs.AssetReturns.AsSpan(estFrom, window.EstimationDays));
        var days = new List<AbnormalReturn>(window.WindowDays);
        for (var k = window.WindowStart; k <= window.WindowEnd; k++)
        {
            var i = day0 + k;
            var expected = fit.Alpha + (fit.Beta * pairs.BenchmarkReturns[i]);
            days.Add(new AbnormalReturn(k, pairs.EndOf(i), pairs.AssetReturns[i], pairs.BenchmarkReturns[i], expected, pairs.AssetReturns[i] - expected));
        }

        var car = days.Sum(d => d.Abnormal);
        var variance = window.WindowDays * fit.ResidualVariance;

        // Day 0 is reported even when the event window excludes it (e.g. [+1, +5]).
        var r0 = pairs.AssetReturns[day0];
        var m0 = pairs.BenchmarkReturns[day0];
        var e0 = fit.Alpha + (fit.Beta * m0);
        var eventDay = days.FirstOrDefault(d => d.Offset == 0) ?? new AbnormalReturn(0, eventDate, r0, m0, e0, r0 - e0);
        return new EventStudyResult(
            asset.Name, benchmark.Name, eventDate, window, fit, pairs.EndOf(estFrom), pairs.EndOf(estFrom + window.EstimationDays - 1),
            days, eventDay, car, variance, car / Math.Sqrt(variance));
    }
}
