using HashPivot.Engine.Bitcoin;

namespace HashPivot.Engine.Tests.Bitcoin;

public sealed class SubsidyTests
{
    // Expected values: domain.md §1.2 halving table (1st 210,000 → 25 BTC, binance.com square; 4th 840,000 → 3.125,
    // theblock.co/post/289773; 5th 1,050,000 → 1.5625, open-lib.com/692.html) and the formula
    // subsidy_sats = 5,000,000,000 >> (height // 210,000), evaluated by hand for the deep-future rows.
    [Theory]
    [InlineData(0L, 5_000_000_000L)] // genesis: 50 BTC
    [InlineData(209_999L, 5_000_000_000L)] // last block of era 0: 50 BTC
    [InlineData(210_000L, 2_500_000_000L)] // 1st halving: 25 BTC
    [InlineData(420_000L, 1_250_000_000L)] // 2nd: 12.5 BTC
    [InlineData(630_000L, 625_000_000L)] // 3rd: 6.25 BTC
    [InlineData(839_999L, 625_000_000L)]
    [InlineData(840_000L, 312_500_000L)] // 4th: 3.125 BTC
    [InlineData(1_049_999L, 312_500_000L)]
    [InlineData(1_050_000L, 156_250_000L)] // 5th: 1.5625 BTC
    [InlineData(6_720_000L, 1L)] // 32 halvings: 5e9 >> 32 = 1 sat (5e9 / 4,294,967,296 = 1.16)
    [InlineData(6_929_999L, 1L)]
    [InlineData(6_930_000L, 0L)] // 33 halvings: 5e9 < 2^33, so the shift gives 0 sat
    [InlineData(13_439_999L, 0L)] // 63 halvings
    [InlineData(13_440_000L, 0L)] // 64 halvings: consensus forces zero (a shift by 64 would wrap)
    [InlineData(13_650_000L, 0L)] // 65 halvings
    [InlineData(long.MaxValue, 0L)]
    public void AtHeight_Height_ReturnsScheduledSatoshis(long height, long expectedSatoshis)
    {
        Assert.Equal(expectedSatoshis, Subsidy.AtHeight(height).Satoshis);
    }

    [Theory]
    [InlineData(0L, 50.0)]
    [InlineData(840_000L, 3.125)]
    [InlineData(1_050_000L, 1.5625)]
    public void AtHeight_Height_ReturnsBtcValue(long height, double expectedBtc)
    {
        Assert.Equal(expectedBtc, Subsidy.AtHeight(height).Value, 1e-12);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void AtHeight_NegativeHeight_Throws(long height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Subsidy.AtHeight(height));
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(209_999L, 0)]
    [InlineData(210_000L, 1)]
    [InlineData(840_000L, 4)]
    [InlineData(900_000L, 4)]
    [InlineData(13_440_000L, 64)]
    [InlineData(long.MaxValue, 64)] // clamped at the 64 halvings after which nothing changes
    public void HalvingsAt_Height_CountsEras(long height, int expected)
    {
        Assert.Equal(expected, Subsidy.HalvingsAt(height));
    }

    [Fact]
    public void HalvingsAt_NegativeHeight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Subsidy.HalvingsAt(-1));
    }

    [Fact]
    public void AtHeight_SumOverAllEras_StaysBelowTwentyOneMillion()
    {
        // Total issuance = Σ 210,000 × (5e9 >> n) sat = 2,099,999,997,690,000 sat ≈ 20,999,999.9769 BTC
        // (the well-known supply cap figure; each era summed by hand as 210,000 × subsidy).
        long total = 0;
        for (var n = 0; n < 64; n++)
        {
            total += 210_000 * Subsidy.AtHeight(n * 210_000L).Satoshis;
        }

        Assert.Equal(2_099_999_997_690_000L, total);
    }
}
