using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Fleet;

public sealed class MiningEconomicsTests
{
    // Strike price with no pool fee or overhead = HP × 1000 / (η × 24): the power price at which hashcost
    // (domain.md §1.1: η × p × 24 / 1000) equals the hashprice. Hand values:
    // 17 J/TH @ 30 ⇒ 30,000 / 408 = 73.529; 17 @ 55 ⇒ 134.804; 15 @ 30 ⇒ 30,000 / 360 = 83.333;
    // 21.5 @ 28 (Feb 2026 low, §1.3) ⇒ 28,000 / 516 = 54.264.
    [Theory]
    [InlineData(17.0, 30.0, 73.529)]
    [InlineData(17.0, 55.0, 134.804)]
    [InlineData(15.0, 30.0, 83.333)]
    [InlineData(21.5, 28.0, 54.264)]
    public void StrikePrice_IdealFleet_IsHashpriceOverDailyKwh(double jPerTh, double hashprice, double expected)
    {
        var e = MiningFleetTests.IdealFleet(jPerTh).Economics(new UsdPerPetahashDay(hashprice), new UsdPerMwh(40));
        Assert.Equal(expected, e.StrikePrice.Value, 1e-3);
    }

    // Breakeven hashprice at a power price = hashcost at that price (domain.md §1.1 examples: 15 @ 45 ⇒ 16.2;
    // 17.5 @ 45 ⇒ 18.9; 21.5 @ 45 ⇒ 23.22).
    [Theory]
    [InlineData(15.0, 45.0, 16.2)]
    [InlineData(17.5, 45.0, 18.9)]
    [InlineData(21.5, 45.0, 23.22)]
    public void BreakevenHashprice_IdealFleet_EqualsHashcost(double jPerTh, double powerPrice, double expected)
    {
        var e = MiningFleetTests.IdealFleet(jPerTh).Economics(new UsdPerPetahashDay(30), new UsdPerMwh(powerPrice));
        Assert.Equal(expected, e.BreakevenHashprice.Value, 1e-9);
        Assert.Equal(Hashprice.Hashcost(new JoulesPerTerahash(jPerTh), new UsdPerMwh(powerPrice)).Value, e.BreakevenHashprice.Value, 1e-9);
    }

    [Theory]
    [InlineData(17.0, 30.0)]
    [InlineData(17.0, 55.0)]
    [InlineData(13.5, 38.2)]
    public void MarginPerDay_AtStrikePrice_IsZero(double jPerTh, double hashprice)
    {
        var fleet = MiningFleetTests.IdealFleet(jPerTh);
        var hp = new UsdPerPetahashDay(hashprice);
        var strike = fleet.Economics(hp, new UsdPerMwh(40)).StrikePrice;
        var atStrike = fleet.Economics(hp, strike);
        Assert.Equal(atStrike.RevenuePerDay.Value, atStrike.PowerCostPerDay.Value, 1e-6);
        Assert.Equal(0, atStrike.MarginPerDay.Value, 1e-6);
    }

    [Fact]
    public void StrikePrice_WithPoolFeeAndOverhead_UsesNetRevenuePerSiteMwh()
    {
        // 1 PH/s at 17 J/TH + 10 % overhead = 0.0187 MW at the meter; HP 30, fee 2 %:
        // strike = 1 × 30 × 0.98 / (0.0187 × 24) = 29.4 / 0.4488 = 65.508 USD/MWh (hand).
        var e = MiningEconomics.For(new PetahashPerSecond(1), new Megawatts(0.0187), uptime: 0.5, poolFee: 0.02,
            new UsdPerPetahashDay(30), new UsdPerMwh(40));
        Assert.Equal(65.508, e.StrikePrice.Value, 1e-3);

        // Uptime scales revenue and cost, not the strike: revenue 30 × 0.5 × 0.98 = 14.7; cost 0.0187 × 12 × 40 = 8.976.
        Assert.Equal(14.7, e.RevenuePerDay.Value, 1e-9);
        Assert.Equal(8.976, e.PowerCostPerDay.Value, 1e-9);
    }

    [Fact]
    public void For_ZeroSitePower_StrikeIsNaNAndPerMwIsZero()
    {
        var e = MiningEconomics.For(new PetahashPerSecond(1), Megawatts.Zero, 1, 0, new UsdPerPetahashDay(30), new UsdPerMwh(40));
        Assert.True(double.IsNaN(e.StrikePrice.Value));
        Assert.Equal(0, e.RevenuePerMwYear.Value);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)] // a 100 % pool fee leaves nothing to break even with
    public void For_NoHashrateOrNoPayout_BreakevenIsNaN(double petahash, double poolFee)
    {
        var e = MiningEconomics.For(new PetahashPerSecond(petahash), new Megawatts(1), 1, poolFee, new UsdPerPetahashDay(30), new UsdPerMwh(40));
        Assert.True(double.IsNaN(e.BreakevenHashprice.Value));
    }
}
