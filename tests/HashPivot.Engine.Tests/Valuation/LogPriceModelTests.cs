using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class LogPriceModelTests
{
    [Fact]
    public void Estimate_ThreeCloses_HandComputed()
    {
        // Closes 100, 110, 99: log returns ln 1.1 = 0.0953102, ln 0.9 = −0.1053605; mean −0.0050252 × 365 = −1.83418;
        // sample sd = |0.0953102 + 0.1053605| / √2 = 0.1418979 × √365 = 2.71094.
        var model = LogPriceModel.Estimate([100, 110, 99]);

        Assert.Equal((Math.Log(1.1) + Math.Log(0.9)) / 2 * 365, model.DriftPerYear, 12);
        Assert.Equal(Math.Abs(Math.Log(1.1) - Math.Log(0.9)) / Math.Sqrt(2) * Math.Sqrt(365), model.VolatilityPerYear, 12);
    }

    [Fact]
    public void PathRandom_NormalsAreStandard_AndEachPathsStreamIsItsOwn()
    {
        // The first normal of 4,000 path streams: mean 0 and sd 1 within ~3 standard errors (0.016 and 0.011).
        var first = Enumerable.Range(0, 4000).Select(p => new PathRandom(42, p).NextNormal()).ToList();
        var mean = first.Average();
        var sd = Math.Sqrt(first.Sum(x => (x - mean) * (x - mean)) / (first.Count - 1));
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(sd, 0.96, 1.04);

        // A stream depends on (seed, path) only: re-creating it repeats it, a neighbouring path does not.
        var again = new PathRandom(42, 17);
        Assert.Equal(first[17], again.NextNormal());
        Assert.NotEqual(first[17], first[18]);
    }
}
