using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class SortedCounterTests
{
    [Fact]
    public void CountBelow_EqualsTheBinarySearchLowerBound_OnRandomArraysWithTiesAndInfinities()
    {
        // The reference is a plain count of the values below x (independent of both search paths).
        var random = new Random(11);
        foreach (var length in new[] { 1, 2, 3, 15, 16, 17, 63, 64, 65, 100, 672, 744, 745, 2976 })
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var values = Enumerable.Range(0, length).Select(_ => random.Next(4) switch
                {
                    0 => Math.Round(random.NextDouble() * 10) - 5, // many ties, negatives and zeros
                    1 => -200 + (random.NextDouble() * 400),
                    2 => random.NextDouble() < 0.05 ? double.PositiveInfinity : 5_000 * random.NextDouble(),
                    _ => random.NextDouble() < 0.05 ? double.NegativeInfinity : 30 + random.NextDouble(),
                }).Order().ToArray();
                var counter = new SortedCounter(values);
                var probes = values.Concat([double.NegativeInfinity, double.PositiveInfinity, double.NaN, 0.0, -0.0, 1e300, -1e300])
                    .Concat(Enumerable.Range(0, 50).Select(_ => -300 + (random.NextDouble() * 6_000)));
                foreach (var x in probes)
                {
                    var expected = values.Count(v => v < x);
                    Assert.Equal(expected, counter.CountBelow(x));
                    Assert.Equal(expected, counter.BinarySearch(x));
                }
            }
        }
    }

    [Fact]
    public void CountBelow_EqualsAPlainCount_OnSpikyPriceMonthsProbedAtEveryValueAndItsNeighbours()
    {
        // Hour prices like a merchant month (a dense body, ties at round prices, rare negative hours and spikes to thousands): the thresholds
        // land in the bucket index, and probing each value, the next double either side and bucket-edge-like values checks its walk to the
        // exact lower bound. The reference is a plain count.
        var random = new Random(23);
        foreach (var length in new[] { 64, 65, 100, 672, 744, 1490 })
        {
            for (var trial = 0; trial < 5; trial++)
            {
                var values = Enumerable.Range(0, length).Select(_ => random.NextDouble() switch
                {
                    < 0.02 => -20 * random.NextDouble(),
                    < 0.04 => 200 + (4_800 * random.NextDouble()),
                    < 0.30 => Math.Round(20 + (40 * random.NextDouble())),
                    _ => 18 + (50 * random.NextDouble() * random.NextDouble()),
                }).Order().ToArray();
                var counter = new SortedCounter(values);
                // The index's bucket edges (central 1 %–99 % range, at most seven values in from either end, two buckets a value) and the
                // doubles beside them.
                var tail = Math.Min(length / 100, 7);
                var (low, high) = (values[tail], values[length - 1 - tail]);
                var perUnit = 2 * length / (high - low);
                var edges = Enumerable.Range(0, (2 * length) + 1).Select(b => low + (b / perUnit));
                var probes = values.Concat(edges).SelectMany(v => new[] { v, Math.BitDecrement(v), Math.BitIncrement(v) })
                    .Concat(Enumerable.Range(0, 400).Select(i => -25 + (i * 0.25)))
                    .Concat([double.NaN, double.NegativeInfinity, double.PositiveInfinity, values[0], values[^1]]);
                foreach (var x in probes)
                {
                    Assert.Equal(values.Count(v => v < x), counter.CountBelow(x));
                }
            }
        }
    }
}
