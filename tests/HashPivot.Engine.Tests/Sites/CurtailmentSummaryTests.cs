using HashPivot.Engine.Sites;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Sites;

public sealed class CurtailmentSummaryTests
{
    // Hand-counted: runs at price ≤ strike, curtails above (domain.md §2.3 practice: curtail at high prices).
    // [20, 30, 40, 100, 200, 50, 60, 80] at strike 73.53 (17 J/TH at HP 30): runs 20, 30, 40, 50, 60 ⇒ 5/8 = 0.625,
    // mean 200 / 5 = 40.
    [Theory]
    [InlineData(73.529, 0.625, 40.0)]
    [InlineData(50.0, 0.5, 35.0)] // 20, 30, 40, 50 (50 = strike runs) ⇒ 4/8, mean 35
    [InlineData(1_000.0, 1.0, 72.5)] // runs everything: mean = series mean 580 / 8
    [InlineData(10.0, 0.0, 0.0)] // curtails everything
    public void ForStrike_Series_RunsIntervalsAtOrBelowStrike(double strike, double expectedShare, double expectedMean)
    {
        double[] prices = [20, 30, 40, 100, 200, 50, 60, 80];
        var summary = CurtailmentSummary.ForStrike(new UsdPerMwh(strike), prices);
        Assert.Equal(expectedShare, summary.RunShare, 1e-12);
        Assert.Equal(expectedMean, summary.MeanPriceWhenRunning.Value, 1e-12);
    }

    [Fact]
    public void ForStrike_EmptySeries_RunsNothing()
    {
        var summary = CurtailmentSummary.ForStrike(new UsdPerMwh(50), []);
        Assert.Equal(0, summary.RunShare);
        Assert.Equal(0, summary.MeanPriceWhenRunning.Value);
    }

    [Fact]
    public void ForStrike_NullSeries_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CurtailmentSummary.ForStrike(new UsdPerMwh(50), (IReadOnlyList<double>)null!));
    }

    [Fact]
    public void ForStrike_NaNStrike_RunsNothing()
    {
        // A fleet with no power has a NaN strike; no comparison with NaN is true, so nothing runs.
        var summary = CurtailmentSummary.ForStrike(new UsdPerMwh(double.NaN), [10, 20]);
        Assert.Equal(0, summary.RunShare);
    }
}
