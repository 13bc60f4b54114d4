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
}
