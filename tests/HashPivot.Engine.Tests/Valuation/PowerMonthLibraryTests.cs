using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class PowerMonthLibraryTests
{
    [Theory]
    [InlineData(45, 1)]
    [InlineData(45, 0.6)]
    [InlineData(-70, 1)]
    [InlineData(5_000, 1.3)]
    [InlineData(30, 2)]
    public void Margin_EqualsTheHourByHourOptimum(double revenueUsdPerMwh, double scale)
    {
        // The separable dispatch optimum for 1 MW: mine each hour whose (scaled) price is below revenue, Σ_h max(0, r − a·p_h).
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var random = new Random(3);
        var hours = 8784;
        var starts = Enumerable.Range(0, hours).Select(h => start + (h * 3600L)).ToArray();
        var prices = Enumerable.Range(0, hours).Select(_ => random.NextDouble() < 0.02 ? -random.Next(0, 100) : random.NextDouble() < 0.01 ? 3_000 : 20 + (40 * random.NextDouble())).ToArray();
        var library = PowerMonthLibrary.FromSeries(starts, prices);

        for (var month = 1; month <= 12; month++)
        {
            var block = library.Block(month, 0);
            var inMonth = Enumerable.Range(0, hours).Where(h => DateTimeOffset.FromUnixTimeSeconds(starts[h]).Month == month).Select(h => prices[h]);
            var expected = inMonth.Sum(p => Math.Max(0, revenueUsdPerMwh - (scale * p)));
            Assert.Equal(expected, library.MarginPerMwUsd(block, revenueUsdPerMwh, scale), 6);
        }
    }

    [Fact]
    public void Flat_IsAMonthOfTheSamePrice()
    {
        // 730.5 h at (50 − 40) USD/MWh = 7,305 USD per MW; nothing when the price is above revenue.
        Assert.Equal(7_305, PowerMonthLibrary.Flat(40).MarginPerMwUsd(0, 50, 1), 9);
        Assert.Equal(0, PowerMonthLibrary.Flat(40).MarginPerMwUsd(0, 30, 1));
    }

    [Fact]
    public void FromSeries_MissingACalendarMonth_IsRefused()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var starts = Enumerable.Range(0, 24 * 40).Select(h => start + (h * 3600L)).ToArray();

        Assert.Throws<ArgumentException>(() => PowerMonthLibrary.FromSeries(starts, new double[starts.Length]));
    }
}

public class PowerMonthLibraryMonthTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(37)]
    [InlineData(400)]
    public void MarginsOfMonth_AreTheSingleCallsBitForBit(int paths)
    {
        // Series libraries with one and with several historical months per calendar month, and a flat one (the vector path), over
        // hashprices that put the break-even below, inside and above the price range (and at zero, as padding lanes do).
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var random = new Random(5);
        PowerMonthLibrary Series(int hours)
        {
            var starts = Enumerable.Range(0, hours).Select(h => start + (h * 3600L)).ToArray();
            var prices = Enumerable.Range(0, hours).Select(_ => random.NextDouble() < 0.03 ? -random.Next(0, 80) : random.NextDouble() < 0.01 ? 4_000 : 15 + (50 * random.NextDouble())).ToArray();
            return PowerMonthLibrary.FromSeries(starts, prices);
        }

        foreach (var library in new[] { Series(8760), Series(8760 * 3), PowerMonthLibrary.Flat(35), PowerMonthLibrary.Flat(-5) })
        {
            foreach (var scale in new[] { 0.7, 1.0, 1.9 })
            {
                for (var month = 1; month <= 12; month++)
                {
                    var hashprice = Enumerable.Range(0, paths).Select(p => p == 0 ? 0 : random.NextDouble() * 120).ToArray();
                    var draws = Enumerable.Range(0, paths).Select(_ => random.NextDouble()).ToArray();
                    var margins = new double[paths];
                    library.MarginsOfMonthPerMwUsd(month, hashprice, 1.6, draws, scale, margins);
                    for (var p = 0; p < paths; p++)
                    {
                        var choices = library.Choices(month);
                        var block = library.Block(month, Math.Min(choices - 1, (int)(draws[p] * choices)));
                        Assert.Equal(library.MarginPerMwUsd(block, hashprice[p] * 1.6, scale), margins[p]);
                    }
                }
            }
        }
    }
}
