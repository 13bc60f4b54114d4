using HashPivot.Engine.Markets;
using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Markets;

public sealed class EventStudyTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 1);

    // Prices from returns, one close per calendar day starting 2026-01-01 at 100.
    private static TimeSeries Prices(string name, double[] returns)
    {
        var prices = new double[returns.Length + 1];
        prices[0] = 100;
        for (var i = 0; i < returns.Length; i++)
        {
            prices[i + 1] = prices[i] * (1 + returns[i]);
        }

        var starts = Enumerable.Range(0, prices.Length).Select(i => new DateTimeOffset(Day0.AddDays(i).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToList();
        return TimeSeries.FromInstants(name, "USD", TimeSpan.FromDays(1), starts, prices);
    }

    [Fact]
    public void Run_TinySeries_MatchesHandCalculation()
    {
        // Returns 0..5; day 0 = return 4 (ends on close 5 = 2026-01-06); estimation [−4, −2] = returns 0..2; window [0, 1].
        double[] m = [0.01, 0.02, -0.01, 0.03, 0.00, 0.01];
        double[] a = [0.02, 0.05, -0.02, 0.00, 0.10, 0.03];
        var result = EventStudy.Run(Prices("A", a), Prices("M", m), Day0.AddDays(5), new EventWindow(-4, -2, 0, 1));

        // Hand OLS on x = (0.01, 0.02, −0.01), y = (0.02, 0.05, −0.02): Σdx·dy = 0.0016/1.5 = 0.00106667, Σdx² = 0.00046667
        // ⇒ β = 16/7 = 2.285714, α = ȳ − βx̄ = 0.0166667 − (16/7)(0.0066667) = 1/700.
        Assert.Equal(16.0 / 7, result.Fit.Beta, 9);
        Assert.Equal(1.0 / 700, result.Fit.Alpha, 9);

        // Residuals −3/700, 2/700, 1/700 ⇒ SSR = 14/490,000 = 1/35,000, σ̂² = SSR/(3 − 2) = 1/35,000.
        Assert.Equal(1.0 / 35_000, result.Fit.ResidualVariance, 12);

        // Day 0: r_m = 0 ⇒ expected α = 1/700, AR = 0.10 − 1/700 = 0.0985714. Day 1: expected 1/700 + (16/7)(0.01) = 17/700,
        // AR = 0.03 − 17/700 = 4/700. CAR = 0.10 + 3/700 = 0.1042857.
        Assert.Equal(0.10 - (1.0 / 700), result.EventDay.Abnormal, 12);
        Assert.Equal(0.10, result.EventDay.Return, 12);
        Assert.Equal(4.0 / 700, result.Days[1].Abnormal, 12);
        Assert.Equal(0.10 + (3.0 / 700), result.Car, 12);

        // Var(CAR) = L₂·σ̂² = 2/35,000; t = 0.1042857 / √(2/35,000) = 13.7959.
        Assert.Equal(2.0 / 35_000, result.CarVariance, 12);
        Assert.Equal((0.10 + (3.0 / 700)) / Math.Sqrt(2.0 / 35_000), result.TStat, 9);
        Assert.Equal(Day0.AddDays(1), result.EstimationFrom);
        Assert.Equal(Day0.AddDays(3), result.EstimationTo);
    }

    [Fact]
    public void Run_EventDateNotTraded_ThrowsNamingTheDate()
    {
        var prices = Prices("A", [0.01, 0.02, 0.03, 0.04, 0.05]);
        var ex = Assert.Throws<ArgumentException>(() => EventStudy.Run(prices, prices, new DateOnly(2027, 1, 1), new EventWindow(-4, -2, 0, 0)));
        Assert.Contains("2027-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HistoryTooShort_ThrowsWithCounts()
    {
        var prices = Prices("A", [0.01, 0.02, 0.03, 0.04, 0.05]);
        var ex = Assert.Throws<ArgumentException>(() => EventStudy.Run(prices, prices, Day0.AddDays(3), new EventWindow()));
        Assert.Contains("precede", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SyntheticPlantedJump_RecoversItWithinNoise()
    {
        // The generator plants +8 % on SYNA's event day with β 1.5 and σ 3 %: AR day 0 must be 8 % ± 2σ and β ≈ 1.5 ± 0.3.
        var csv = SyntheticEquityPrices.Generate(SyntheticEquityPrices.SampleTickers, "SYNMKT", new DateOnly(2025, 1, 1), new DateOnly(2026, 7, 31), new DateOnly(2026, 5, 26), 7);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        TimeSeries Series(string t)
        {
            var mine = rows.Where(r => r[1] == t).ToList();
            var starts = mine.Select(r => new DateTimeOffset(DateOnly.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToList();
            return TimeSeries.FromInstants(t, "USD", TimeSpan.FromDays(1), starts, mine.Select(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }

        var result = EventStudy.Run(Series("SYNA"), Series("SYNMKT"), new DateOnly(2026, 5, 26));

        Assert.InRange(result.EventDay.Abnormal, 0.08 - 0.06, 0.08 + 0.06);
        Assert.InRange(result.Fit.Beta, 1.2, 1.8);
    }
}
