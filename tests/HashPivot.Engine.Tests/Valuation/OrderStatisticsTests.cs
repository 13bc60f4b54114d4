using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class OrderStatisticsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(20, 4)]
    [InlineData(1000, 5)]
    [InlineData(1001, 6)]
    [InlineData(5000, 7)]
    public void Selection_GivesTheSortedType7Percentiles_BitForBit(int n, int seed)
    {
        // The reference: sort, then type-7 interpolation (NpvSummary.Percentile, Hyndman & Fan 1996 definition 7).
        var random = new Random(seed);
        var quantiles = new[] { 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1 };
        for (var trial = 0; trial < 24; trial++)
        {
            // Ties on purpose: trials that draw from only five values, all-equal samples (a strategy whose NPV no path changes), sorted
            // and reversed runs, and a constant with a few outliers.
            var samples = (trial % 6) switch
            {
                0 => Enumerable.Range(0, n).Select(_ => (double)random.Next(5)).ToArray(),
                1 => Enumerable.Repeat(-4.25e7, n).ToArray(),
                2 => Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
                3 => Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
                4 => Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.02 ? random.NextDouble() * 1e9 : 7.5).ToArray(),
                _ => Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.3) * 1e8).ToArray(),
            };
            AssertSelectionEqualsSorting(samples, quantiles);
        }
    }

    [Theory]
    [InlineData(256, 21)]
    [InlineData(257, 22)]
    [InlineData(1000, 23)]
    [InlineData(4096, 24)]
    public void Selection_GivesTheSortedType7Percentiles_BitForBit_OnSpreadSamples(int n, int seed)
    {
        // Samples as the valuation meets them and at their extremes: log-normal hashprices, NPVs of both signs with signed zeros, a few
        // infinities and far outliers, and values a few ulps apart. The reference is the sorted type-7 percentile, as above.
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var quantiles = new[] { 0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1 };
        for (var trial = 0; trial < 20; trial++)
        {
            var samples = (trial % 5) switch
            {
                0 => Enumerable.Range(0, n).Select(_ => 55 * Math.Exp(0.8 * Normal())).ToArray(),
                1 => Enumerable.Range(0, n).Select(_ => random.Next(20) == 0 ? (random.Next(2) == 0 ? 0.0 : -0.0) : 4e7 * Normal()).ToArray(),
                2 => Enumerable.Range(0, n).Select(_ => random.Next(100) switch
                {
                    0 => double.PositiveInfinity,
                    1 => double.NegativeInfinity,
                    2 => 1e-300,
                    3 => -1e300,
                    _ => 1e6 + (1e5 * Normal()),
                }).ToArray(),
                3 => Enumerable.Range(0, n).Select(_ => 1e-9 * Math.Exp(3 * Normal())).ToArray(),
                _ => Enumerable.Range(0, n).Select(_ => random.Next(2) == 0 ? 123.456 + (random.Next(400) * 1e-13) : -7e5 * random.NextDouble()).ToArray(),
            };
            AssertSelectionEqualsSorting(samples, quantiles);
        }
    }

    // The reference: sort, then type-7 interpolation (NpvSummary.Percentile); the selection runs on a copy.
    private static void AssertSelectionEqualsSorting(double[] samples, double[] quantiles)
    {
        var sorted = samples.Order().ToArray();
        var result = new double[quantiles.Length];

        OrderStatistics.Percentiles(samples.ToArray(), quantiles, result);

        for (var q = 0; q < quantiles.Length; q++)
        {
            Assert.Equal(NpvSummary.Percentile(sorted, quantiles[q]), result[q]);
        }
    }

    [Fact]
    public void Summary_MeanIsOfTheSamples_AndPercentilesOfTheirOrder()
    {
        var samples = new double[] { 10, -5, 3, 8, 0, 7, 1, 2, 9, 4 };
        var summary = NpvSummary.Of(samples);

        Assert.Equal(3.9, summary.MeanUsd, 12);
        Assert.Equal(3 + (0.5 * (4 - 3)), summary.P50Usd, 12); // sorted: -5 0 1 2 3 4 7 8 9 10; h = 4.5
        Assert.Equal(-5 + (0.45 * (0 - -5)), summary.P5Usd, 12);  // h = 0.45
        Assert.Equal(9 + (0.55 * (10 - 9)), summary.P95Usd, 12);  // h = 8.55
        Assert.Equal(new double[] { 10, -5, 3, 8, 0, 7, 1, 2, 9, 4 }, samples); // the caller's samples are not reordered
    }
}
