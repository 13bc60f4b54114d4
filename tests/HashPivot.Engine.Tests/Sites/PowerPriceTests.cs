using HashPivot.Engine.Sites;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Sites;

public sealed class PowerPriceTests
{
    [Fact]
    public void Fixed_Price_HasAverageAndNoSeries()
    {
        // Riot's 3.2 ¢/kWh net power cost (domain.md §2.2) = 32 USD/MWh.
        var price = PowerPrice.Fixed(new UsdPerMwh(32));
        Assert.Equal(32, price.Average.Value);
        Assert.Null(price.IntervalPrices);
        Assert.Equal("fixed 32 USD/MWh", price.Description);
    }

    [Fact]
    public void FromSeries_Prices_AddsAdderToEveryIntervalAndAverages()
    {
        // [20, 30, 100] + 5 adder = [25, 35, 105]; average 165 / 3 = 55 (hand).
        var price = PowerPrice.FromSeries([20, 30, 100], new UsdPerMwh(5), "test");
        Assert.Equal([25.0, 35.0, 105.0], price.IntervalPrices);
        Assert.Equal(55, price.Average.Value, 1e-12);
        Assert.Equal("test", price.Description);
    }

    [Fact]
    public void FromSeries_NegativePrices_AreKept()
    {
        // ERCOT settles negative prices; (−10 + 30) / 2 = 10.
        var price = PowerPrice.FromSeries([-10, 30], UsdPerMwh.Zero, "ercot");
        Assert.Equal(10, price.Average.Value, 1e-12);
    }

    [Fact]
    public void FromSeries_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => PowerPrice.FromSeries([], UsdPerMwh.Zero, "empty"));
    }
}
