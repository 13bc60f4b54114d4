using HashPivot.Engine.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Fleet;

public sealed class MiningFleetTests
{
    // A synthetic machine at exactly 17 J/TH (domain.md §1.1 revenue-per-MW example): 200 TH/s at 3,400 W.
    internal static AsicModel Synthetic(double joulesPerTerahash) =>
        new("synthetic", $"Synthetic {joulesPerTerahash} J/TH", "test", new TerahashPerSecond(200),
            new Watts(200 * joulesPerTerahash), 2025, "test");

    // 5,000 machines × 200 TH/s = 1,000 PH/s; × 3,400 W = 17 MW; no overhead, full uptime, no pool fee.
    internal static MiningFleet IdealFleet(double joulesPerTerahash) =>
        new([new FleetUnit(Synthetic(joulesPerTerahash), 5_000)], OverheadShare: 0, Uptime: 1, PoolFee: 0);

    private static readonly AsicModel S21 = AsicCatalog.Find("s21")!;
    private static readonly AsicModel S19Xp = AsicCatalog.Find("s19-xp")!;

    // 100 × S21 (200 TH, 3,500 W) + 50 × S19 XP (140 TH, 3,010 W) with 10 % overhead (domain.md §2.1 nameplates):
    // hashrate 20,000 + 7,000 = 27,000 TH/s; ASIC power 350,000 + 150,500 = 500,500 W; site 550,550 W.
    private static readonly MiningFleet Mixed =
        new([new FleetUnit(S21, 100), new FleetUnit(S19Xp, 50)], OverheadShare: 0.1, Uptime: 0.9, PoolFee: 0.02);

    [Fact]
    public void Hashrate_MixedFleet_SumsTiers()
    {
        Assert.Equal(27_000, Mixed.Hashrate.Value, 1e-9);
    }

    [Fact]
    public void AsicAndSitePower_MixedFleet_AddsOverhead()
    {
        Assert.Equal(0.5005, Mixed.AsicPower.Value, 1e-12);
        Assert.Equal(0.55055, Mixed.SitePower.Value, 1e-12);
    }

    [Fact]
    public void Efficiency_MixedFleet_IsHashrateWeighted()
    {
        // 500,500 W / 27,000 TH/s = 18.537 J/TH; × 1.1 = 20.391 J/TH at the meter (hand).
        Assert.Equal(18.537037, Mixed.AsicEfficiency.Value, 1e-6);
        Assert.Equal(20.390741, Mixed.SiteEfficiency.Value, 1e-6);
    }

    [Fact]
    public void AsicEfficiency_EmptyFleet_IsNaN()
    {
        var empty = new MiningFleet([], 0.1, 1, 0);
        Assert.Equal(0, empty.Hashrate.Value);
        Assert.Equal(0, empty.SitePower.Value);
        Assert.True(double.IsNaN(empty.AsicEfficiency.Value));
    }

    [Fact]
    public void Economics_MixedFleet_AppliesUptimeFeeAndOverhead()
    {
        // Hand calc at HP = 50 USD/PH/day, power 40 USD/MWh:
        // revenue = 27 PH/s × 50 × 0.9 × 0.98 = 1,190.70 USD/day
        // cost    = 0.55055 MW × 24 h × 0.9 × 40 = 475.6752 USD/day
        // strike  = 27 × 50 × 0.98 / (0.55055 × 24) = 1,323 / 13.2132 = 100.127 USD/MWh
        // breakeven HP = 13.2132 × 40 / (27 × 0.98) = 19.974 USD/PH/day
        var e = Mixed.Economics(new UsdPerPetahashDay(50), new UsdPerMwh(40));
        Assert.Equal(27, e.Hashrate.Value, 1e-12);
        Assert.Equal(1_190.70, e.RevenuePerDay.Value, 1e-6);
        Assert.Equal(475.6752, e.PowerCostPerDay.Value, 1e-6);
        Assert.Equal(715.0248, e.MarginPerDay.Value, 1e-6);
        Assert.Equal(100.127, e.StrikePrice.Value, 1e-3);
        Assert.Equal(19.974, e.BreakevenHashprice.Value, 1e-3);
    }

    [Fact]
    public void TierEconomics_OneTier_UsesSiteOverheadUptimeAndFee()
    {
        // S21 tier alone: 20 PH/s, 0.35 MW × 1.1 = 0.385 MW. Revenue 20 × 50 × 0.9 × 0.98 = 882 USD/day;
        // cost 0.385 × 24 × 0.9 × 40 = 332.64 USD/day (hand).
        var e = Mixed.TierEconomics(Mixed.Units[0], new UsdPerPetahashDay(50), new UsdPerMwh(40));
        Assert.Equal(0.385, e.SitePower.Value, 1e-12);
        Assert.Equal(882, e.RevenuePerDay.Value, 1e-9);
        Assert.Equal(332.64, e.PowerCostPerDay.Value, 1e-9);
    }

    [Fact]
    public void TierEconomics_NullUnit_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Mixed.TierEconomics(null!, new UsdPerPetahashDay(50), new UsdPerMwh(40)));
    }

    // Mining revenue per MW = (1000 / η) PH/s × HP × 365 × uptime (domain.md §1.1, derived):
    // η = 17, HP = 30 ⇒ 58.8235 × 30 × 365 = 644,117.6 USD/MW-yr ("~$644k");
    // η = 17, HP = 55 ⇒ 58.8235 × 55 × 365 = 1,180,882.4 ("~$1.18M"); also §3.7 "0.64–1.18M per MW of mining load".
    [Theory]
    [InlineData(17.0, 30.0, 644_117.6)]
    [InlineData(17.0, 55.0, 1_180_882.4)]
    [InlineData(15.0, 30.0, 730_000.0)] // 1000/15 × 30 × 365
    public void Economics_IdealFleet_RevenuePerMwYearMatchesPrimer(double jPerTh, double hashprice, double expected)
    {
        var e = IdealFleet(jPerTh).Economics(new UsdPerPetahashDay(hashprice), new UsdPerMwh(40));
        Assert.Equal(expected, e.RevenuePerMwYear.Value, 0.1);
    }

    [Fact]
    public void Economics_IdealFleet17_PowerCostPerMwYearIsPriceTimes8760()
    {
        // 1 MW × 8,760 h × 40 USD/MWh = 350,400 USD/MW-yr; margin at HP 30 = 644,117.6 − 350,400 = 293,717.6.
        var e = IdealFleet(17).Economics(new UsdPerPetahashDay(30), new UsdPerMwh(40));
        Assert.Equal(17, e.SitePower.Value, 1e-12);
        Assert.Equal(350_400, e.PowerCostPerMwYear.Value, 1e-6);
        Assert.Equal(293_717.6, e.MarginPerMwYear.Value, 0.1);
    }
}
