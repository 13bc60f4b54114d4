using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Synthetic;

/// <summary>The synthetic generator's statistics fall inside stated bands of the real ERCOT series it is calibrated to.</summary>
public sealed class SyntheticGridCalibrationTests
{
    private const string RealFile = "ercot_rt_lmp_15min_hubs_2024.csv";

    [RealDataFact(RealFile)]
    public void Generate_Defaults_StatisticsWithinBandsOfErcotNorth2024()
    {
        var real = GridPriceCsv.ParseFile(SharedData.Require(RealFile)).ValueOrThrow().Find("HB_NORTH")!;
        var realHourly = SeriesStatistics.Summarize(Resampling.ToHourlyMean(real).Series, 1_000);

        // Five seeds: the bands must hold for every draw, not for a lucky one.
        foreach (var seed in new[] { 1, 2, 3, 7, 11 })
        {
            var synthetic = SeriesStatistics.Summarize(SyntheticGridPrices.Generate(new SyntheticGridParameters(), seed), 1_000);

            // Stated bands (README of samples/): mean and median within ±20 %, p99 within ±35 %,
            // hours above 1,000 USD/MWh within 0.4–2× and negative hours within 0.6–1.6× of the real year.
            Assert.InRange(synthetic.Mean, 0.8 * realHourly.Mean, 1.2 * realHourly.Mean);
            Assert.InRange(synthetic.P50, 0.8 * realHourly.P50, 1.2 * realHourly.P50);
            Assert.InRange(synthetic.P99, 0.65 * realHourly.P99, 1.35 * realHourly.P99);
            Assert.InRange(synthetic.SpikeCount, 0.4 * realHourly.SpikeCount, 2.0 * realHourly.SpikeCount);
            Assert.InRange(synthetic.NegativeCount, 0.6 * realHourly.NegativeCount, 1.6 * realHourly.NegativeCount);
        }
    }

    [Fact]
    public void Generate_SameSeed_SameYear_OtherSeed_OtherYear()
    {
        var a = SyntheticGridPrices.Generate(new SyntheticGridParameters(), 7);
        var b = SyntheticGridPrices.Generate(new SyntheticGridParameters(), 7);
        var c = SyntheticGridPrices.Generate(new SyntheticGridParameters(), 8);

        Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
        Assert.NotEqual(a.Values.ToArray(), c.Values.ToArray());
        // 2024 is a leap year: 366 × 24 = 8,784 UTC hours from 2024-01-01T00:00Z.
        Assert.Equal(8_784, a.Count);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), a.Start);
    }

    [Fact]
    public void Generate_AnySeed_RespectsCapAndFloor()
    {
        var p = new SyntheticGridParameters();
        var values = SyntheticGridPrices.Generate(p, 3).Values.ToArray();

        Assert.All(values, v => Assert.InRange(v, p.NegativeFloor, p.PriceCap));
        Assert.Contains(values, v => v < 0);
        Assert.Contains(values, v => v > 1_000);
    }

    [Fact]
    public void SampleFile_IsWhatTheGeneratorMakesForSeed7()
    {
        // samples/synthetic/… is documented as `hashpivot data synth grid --year 2024 --seed 7`; regenerate and compare.
        var sample = GridPriceCsv.ParseFile(Repo.Path("samples", "synthetic", "grid_prices_hourly_2024_synthetic.csv")).ValueOrThrow();
        var regenerated = SyntheticGridPrices.Generate(new SyntheticGridParameters(Year: 2024), 7);

        Assert.Equal(regenerated.Values.ToArray(), sample.Series[0].Values.ToArray());
    }
}
