using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Tests;

/// <summary>Valuation requests for the cluster tests: sites on flat prices and on a synthetic two-year hourly series.</summary>
internal static class Requests
{
    private static readonly Financing Financing = new(0.10, 0.5, 0.09, 5, 0.21, 5);
    private static readonly ConversionTerms Lease = new(1_000_000, 0.15, 0, 0.03, 0, 8_000_000, 12, 0, 0, 20);
    private static readonly ConversionTerms Cloud = new(6_000_000, 0.2, 400_000, 0, -0.15, 30_000_000, 9, 20_000_000, 5, 5);
    private static readonly Lazy<PowerMonthLibrary> Hourly = new(() => Series(2));

    /// <summary><paramref name="sites"/> sites alternating flat and hourly power, BTC volatility <paramref name="volatility"/>.</summary>
    public static ValuationRequest Make(int sites = 3, double volatility = 0.55, long seed = 42, int years = 5) => new(
        60_000, 894_000, 953_568, // 894 EH/s = 894,000 PH/s (domain.md §1.3, June 2026)
        1, new LogPriceModel(0, volatility),
        new NetworkResponse(28, 0.08, 50, 0.05, 3, 0.05, 0.08, 0.01),
        [.. Enumerable.Range(0, sites).Select(i => i % 2 == 0
            ? new ValuationSite($"flat-{i}", 100 + i, 19, 120, PowerMonthLibrary.Flat(38 + i), 1, Lease, Cloud)
            : new ValuationSite($"hourly-{i}", 50 + i, 17, 60, Hourly.Value, 1 + (0.01 * i), Lease, Cloud))],
        Financing, years, 0.5, seed);

    private static PowerMonthLibrary Series(int years)
    {
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var hours = years * 8760;
        var starts = new long[hours];
        var prices = new double[hours];
        for (var h = 0; h < hours; h++)
        {
            starts[h] = start + (h * 3600L);
            prices[h] = 35 + (15 * Math.Sin(h % 24 / 24.0 * 2 * Math.PI)) + (h % 168 == 100 ? 2_000 : 0) - (h % 97 == 0 ? 60 : 0);
        }

        return PowerMonthLibrary.FromSeries(starts, prices);
    }

    /// <summary>Asserts two results are the same bit for bit: every per-path NPV, site valuation, portfolio path and hashprice band.</summary>
    public static void AssertIdentical(ValuationResult expected, ValuationResult actual)
    {
        Assert.Equal(expected.Paths, actual.Paths);
        Assert.Equal(expected.NpvBySiteStrategy.Length, actual.NpvBySiteStrategy.Length);
        for (var k = 0; k < expected.NpvBySiteStrategy.Length; k++)
        {
            Assert.Equal(expected.NpvBySiteStrategy[k], actual.NpvBySiteStrategy[k]);
        }

        Assert.Equal(expected.PortfolioNpvUsd, actual.PortfolioNpvUsd);
        Assert.Equal(expected.HashpriceBands.SelectMany(b => b), actual.HashpriceBands.SelectMany(b => b));
        Assert.Equal(expected.Sites.Count, actual.Sites.Count);
        for (var s = 0; s < expected.Sites.Count; s++)
        {
            var e = expected.Sites[s];
            var a = actual.Sites[s];
            Assert.Equal(e.Site, a.Site);
            Assert.Equal(e.Best, a.Best);
            Assert.Equal(e.BestConversion, a.BestConversion);
            Assert.Equal(e.ProbConvertBeatsMining, a.ProbConvertBeatsMining);
            Assert.Equal(e.ConversionIrr, a.ConversionIrr);
            Assert.Equal(e.ConversionPaybackMonths, a.ConversionPaybackMonths);
            Assert.Equal(e.Strategies, a.Strategies);
        }
    }
}
