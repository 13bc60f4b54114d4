using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Units;

public sealed class BtcTests
{
    // Rounding to the satoshi (1 BTC = 100,000,000 sat, domain.md §1.2 "subsidy_sats"); hand-rounded,
    // half away from zero as Btc.FromBtc documents.
    [Theory]
    [InlineData(50.0, 5_000_000_000L)]
    [InlineData(3.125, 312_500_000L)]
    [InlineData(1.5625, 156_250_000L)]
    [InlineData(0.00000001, 1L)]
    [InlineData(1.234567894, 123_456_789L)] // 123,456,789.4 sat → down
    [InlineData(1.234567896, 123_456_790L)] // 123,456,789.6 sat → up
    [InlineData(-0.000000016, -2L)] // −1.6 sat → −2 (away from zero)
    [InlineData(0.0, 0L)]
    public void FromBtc_Amount_RoundsToNearestSatoshi(double btc, long expectedSatoshis)
    {
        Assert.Equal(expectedSatoshis, Btc.FromBtc(btc).Satoshis);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromBtc_NotFinite_Throws(double btc)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Btc.FromBtc(btc));
    }

    [Fact]
    public void FromBtc_BeyondLongRange_ThrowsOverflow()
    {
        // 1e12 BTC = 1e20 sat > long.MaxValue ≈ 9.22e18: checked conversion must refuse it.
        Assert.Throws<OverflowException>(() => Btc.FromBtc(1e12));
    }

    [Fact]
    public void MultiplyByPrice_SubsidyAtHundredThousand_GivesUsd()
    {
        // 3.125 BTC × 100,000 USD/BTC = 312,500 USD (hand calc; subsidy per domain.md §1.2, price per §1.1 example).
        var usd = Btc.FromBtc(3.125) * new UsdPerBtc(100_000);
        Assert.Equal(312_500, usd.Value, 1e-9);
    }

    [Fact]
    public void AddAndSubtract_Satoshis_AreExact()
    {
        // S + F̄ of domain.md §1.3 sanity check: 3.125 + 0.03 = 3.155 BTC = 315,500,000 sat.
        var sum = Btc.FromBtc(3.125) + Btc.FromBtc(0.03);
        Assert.Equal(315_500_000L, sum.Satoshis);
        Assert.Equal(Btc.FromBtc(3.125), sum - Btc.FromBtc(0.03));
        Assert.Equal(3.155, sum.Value, 1e-12);
    }

    [Fact]
    public void Comparison_OrdersBySatoshis()
    {
        var small = new Btc(1);
        var large = new Btc(2);
        Assert.True(small < large);
        Assert.True(large >= small);
        Assert.Equal(-1, small.CompareTo(large));
    }

    [Fact]
    public void ToString_Always_ShowsEightDecimalsAndUnit()
    {
        Assert.Equal("3.12500000 BTC", new Btc(312_500_000).ToString());
    }
}
