using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

public class SeriesStatisticsTests
{
    // Ten hourly prices; sorted: -5, 0, 10, 20, 30, 40, 50, 60, 100, 5000.
    private static readonly double[] Prices = [30, -5, 10, 5000, 20, 0, 60, 40, 100, 50];

    [Fact]
    public void Summarize_TenHourlyPrices_MatchesHandCalculation()
    {
        var s = SeriesStatistics.Summarize(Prices, TimeSpan.FromHours(1), spikeThreshold: 100);

        Assert.Equal(10, s.Count);
        Assert.Equal(530.5, s.Mean, 10);          // 5305 / 10
        Assert.Equal(-5, s.Min);
        Assert.Equal(5000, s.Max);
        // p50: h = 9 × 0.5 = 4.5 → 30 + 0.5 × (40 − 30) = 35.
        Assert.Equal(35, s.P50, 10);
        // p90: h = 8.1 → 100 + 0.1 × (5000 − 100) = 590.
        Assert.Equal(590, s.P90, 10);
        // p99: h = 8.91 → 100 + 0.91 × 4900 = 4559.
        Assert.Equal(4559, s.P99, 10);
        Assert.Equal(1, s.SpikeCount);            // only 5000 is strictly above 100
        Assert.Equal(1, s.NegativeCount);
        Assert.Equal(10, s.HoursEquivalent);
    }

    [Fact]
    public void Summarize_FifteenMinuteSeries_HoursAreQuarterPerInterval()
    {
        var series = SeriesBuilder.Regular(TimeSpan.FromMinutes(15), -1, -2, 3, 4, 5, 6);

        var s = SeriesStatistics.Summarize(series, spikeThreshold: 4);

        Assert.Equal(1.5, s.HoursEquivalent, 10);
        Assert.Equal(0.5, s.NegativeHours, 10);
        Assert.Equal(0.5, s.SpikeHours, 10);
    }

    [Fact]
    public void Summarize_Empty_CountZeroAndNaN()
    {
        var s = SeriesStatistics.Summarize([], TimeSpan.FromHours(1), 0);
        Assert.Equal(0, s.Count);
        Assert.True(double.IsNaN(s.Mean));
        Assert.True(double.IsNaN(s.P50));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 1.75)]   // h = 0.75 → 1 + 0.75 × 1
    public void Percentile_FourValues_LinearInterpolation(double p, double expected) =>
        Assert.Equal(expected, SeriesStatistics.Percentile([1.0, 2, 3, 4], p), 12);

    [Fact]
    public void Percentile_SingleValue_ThatValue() =>
        Assert.Equal(7, SeriesStatistics.Percentile([7.0], 0.9));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Percentile_POutOfRange_Throws(double p) =>
        Assert.Throws<ArgumentException>(() => SeriesStatistics.Percentile([1.0], p));
}
