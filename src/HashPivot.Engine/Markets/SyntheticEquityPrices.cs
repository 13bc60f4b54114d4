using System.Globalization;
using System.Text;

namespace HashPivot.Engine.Markets;

/// <summary>One synthetic ticker of the market-model generator: daily r = α + β·r_m + σ·z, plus a planted abnormal return on the event date (fractions).</summary>
/// <param name="Ticker">Name, clearly synthetic (e.g. SYNA).</param>
/// <param name="Alpha">Daily α.</param>
/// <param name="Beta">β on the synthetic market.</param>
/// <param name="Sigma">Daily idiosyncratic standard deviation.</param>
/// <param name="EventJump">Abnormal return added on the event date.</param>
public sealed record SyntheticTicker(string Ticker, double Alpha, double Beta, double Sigma, double EventJump);

/// <summary>Generates labelled synthetic daily closes (USD) on weekdays from a one-factor market model, for examples and tests; not real data.</summary>
public static class SyntheticEquityPrices
{
    /// <summary>The sample's tickers: three "miners" with betas 1.5, 2.0, 1.2 and planted event-day jumps +8 %, +3 %, 0.</summary>
    public static IReadOnlyList<SyntheticTicker> SampleTickers { get; } =
    [
        new("SYNA", 0.0005, 1.5, 0.030, 0.08),
        new("SYNB", 0.0, 2.0, 0.035, 0.03),
        new("SYNC", 0.0, 1.2, 0.025, 0.0),
    ];

    /// <summary>Long CSV text <c>date,ticker,adj_close</c>: the market <paramref name="marketTicker"/> (daily μ 0.0004, σ 0.012) and <paramref name="tickers"/> on every weekday from <paramref name="from"/> to <paramref name="to"/>, starting at 100.</summary>
    public static string Generate(IReadOnlyList<SyntheticTicker> tickers, string marketTicker, DateOnly from, DateOnly to, DateOnly eventDate, int seed)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(marketTicker);
        var random = new Random(seed);
        var dates = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                dates.Add(d);
            }
        }

        var market = new double[dates.Count];
        var assets = new double[tickers.Count][];
        for (var j = 0; j < tickers.Count; j++)
        {
            assets[j] = new double[dates.Count];
        }

        market[0] = 100;
        for (var j = 0; j < tickers.Count; j++)
        {
            assets[j][0] = 100;
        }

        for (var i = 1; i < dates.Count; i++)
        {
            var rm = 0.0004 + (0.012 * Gaussian(random));
            market[i] = market[i - 1] * (1 + rm);
            for (var j = 0; j < tickers.Count; j++)
            {
                var t = tickers[j];
                var r = t.Alpha + (t.Beta * rm) + (t.Sigma * Gaussian(random)) + (dates[i] == eventDate ? t.EventJump : 0);
                assets[j][i] = assets[j][i - 1] * (1 + r);
            }
        }

        var sb = new StringBuilder("date,ticker,adj_close\n");
        for (var i = 0; i < dates.Count; i++)
        {
            var day = dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{day},{marketTicker},{market[i]:F6}\n");
            for (var j = 0; j < tickers.Count; j++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{day},{tickers[j].Ticker},{assets[j][i]:F6}\n");
            }
        }

        return sb.ToString();
    }

    // Box–Muller: two uniforms to one standard normal (the same construction as the synthetic grid generator).
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
