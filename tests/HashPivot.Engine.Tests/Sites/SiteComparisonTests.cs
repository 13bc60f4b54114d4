using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Sites;
using HashPivot.Engine.Tests.Compute;
using HashPivot.Engine.Tests.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Sites;

public sealed class SiteComparisonTests
{
    private static readonly double[] Series = [20, 30, 40, 100, 200, 50, 60, 80];

    // A zero discount rate makes the capital charge capex ÷ life, so rankings can be checked by hand:
    // lease 9M × 0.75 / 10 y = 675,000/yr ⇒ NOI 1,147,500 − 675,000 = 472,500 after capital;
    // cloud GPUs 500 × 50,000 / 5 y = 5,000,000 + hall 15M × 0.8 / 20 y = 600,000 ⇒ 5,600,000/yr.
    private static Site MakeSite(PowerPrice power, MiningFleet fleet, ColocationLease? lease = null, GpuCloud? cloud = null,
        IReadOnlyList<AiDeployment>? deployments = null) =>
        new("Test", "ERCOT", new Megawatts(50), power, fleet, deployments ?? [],
            (lease ?? ColocationLeaseTests.Median()) with { DiscountRate = 0 },
            (cloud ?? GpuCloudTests.Blackwell()) with { DiscountRate = 0 });

    [Fact]
    public void For_SeriesAboveStrike_CurtailsExactlyThoseIntervals()
    {
        // Ideal 17 J/TH fleet (0 overhead, uptime 1, no fee) at HP 30: strike = 30,000 / 408 = 73.53 USD/MWh.
        // Intervals above it: 100, 200, 80 ⇒ runs 5 of 8 at a mean of (20+30+40+50+60)/5 = 40 USD/MWh.
        var site = MakeSite(PowerPrice.FromSeries(Series, UsdPerMwh.Zero, "test"), MiningFleetTests.IdealFleet(17));
        var c = SiteComparison.For(site, new UsdPerPetahashDay(30));

        Assert.NotNull(c.Mining);
        Assert.NotNull(c.Curtailment);
        Assert.Equal(73.529, c.Mining.StrikePrice.Value, 1e-3);
        Assert.Equal(0.625, c.Curtailment.RunShare, 1e-12);
        Assert.Equal(40, c.Curtailment.MeanPriceWhenRunning.Value, 1e-12);

        // Flexible mining per MW-yr: revenue 644,117.65 × 0.625 = 402,573.53 (domain.md §1.1 per-MW figure × run share);
        // power 8,760 h × 0.625 × 40 = 219,000; margin 183,573.53 (hand).
        Assert.Equal(402_573.53, c.Mining.RevenuePerMwYear.Value, 0.01);
        Assert.Equal(219_000, c.Mining.PowerCostPerMwYear.Value, 1e-6);
        Assert.Equal(183_573.53, c.Mining.MarginPerMwYear.Value, 0.01);

        // Breakeven hashprice stays the one at the site's average price: 17 × 72.5 × 24 / 1000 = 29.58 (§1.1 hashcost).
        Assert.Equal(29.58, c.Mining.BreakevenHashprice.Value, 1e-9);
    }

    [Fact]
    public void For_SeriesWithCurtailment_BeatsRunningFlat()
    {
        // Curtailing above the strike can only raise the margin versus hashing every interval at the average price:
        // flat margin = 644,117.65 − 8,760 × 72.5 = 9,017.65 < 183,573.53.
        var fleet = MiningFleetTests.IdealFleet(17);
        var flat = fleet.Economics(new UsdPerPetahashDay(30), new UsdPerMwh(72.5));
        Assert.Equal(9_017.65, flat.MarginPerMwYear.Value, 0.01);
        var site = MakeSite(PowerPrice.FromSeries(Series, UsdPerMwh.Zero, "test"), fleet);
        Assert.True(SiteComparison.For(site, new UsdPerPetahashDay(30)).Mining!.MarginPerMwYear > flat.MarginPerMwYear);
    }

    [Fact]
    public void For_GpuCloudBest_RanksAndReportsAdvantage()
    {
        // Cloud at the series average 72.5: 10,919,340 × 0.85 − 8,760 × 72.5 = 8,646,339 (GpuCloudTests hand calc),
        // − 5,600,000 capital = 3,046,339; lease 472,500 after capital; mining 183,573.53.
        // Best = cloud, advantage = 3,046,339 − 472,500 = 2,573,839.
        var site = MakeSite(PowerPrice.FromSeries(Series, UsdPerMwh.Zero, "test"), MiningFleetTests.IdealFleet(17));
        var c = SiteComparison.For(site, new UsdPerPetahashDay(30));
        Assert.Equal(SiteComparison.CloudUse, c.BestUse);
        Assert.Equal(3_046_339, c.BestMarginPerMwYear.Value, 1e-3);
        Assert.Equal(2_573_839, c.AdvantagePerMwYear.Value, 1e-3);
        Assert.Equal(5_600_000, c.Cloud.CapitalChargePerYear.Value, 1e-6);
        Assert.Equal(1_147_500, c.Lease.MarginPerYear.Value, 1e-6);
        Assert.Equal(8_646_339, c.Cloud.MarginPerYear.Value, 1e-3);
    }

    [Fact]
    public void For_CheapPowerHighHashprice_MiningBest()
    {
        // Fixed $20/MWh, HP $55 (Jul 2025 ~$62 peak range, §1.3): mining = 1,180,882.35 − 8,760 × 20 = 1,005,682.35.
        // Lease at $100/kW-mo: 100 × 12,000 × 0.75 × 0.85 = 765,000 − 675,000 capital = 90,000. Cloud at $0.20/GPU-h:
        // 500 × 0.2 × 8,760 × 0.9 × 0.85 − 175,200 = 494,940 − 5,600,000 capital < 0.
        // Advantage 1,005,682.35 − 90,000 = 915,682.35 (hand).
        var lease = ColocationLeaseTests.Median() with { RentPerKwMonth = new UsdPerKilowattMonth(100) };
        var cloud = GpuCloudTests.Blackwell() with { PricePerGpuHour = 0.2 };
        var site = MakeSite(PowerPrice.Fixed(new UsdPerMwh(20)), MiningFleetTests.IdealFleet(17), lease, cloud);
        var c = SiteComparison.For(site, new UsdPerPetahashDay(55));

        Assert.Null(c.Curtailment);
        Assert.Equal(SiteComparison.MiningUse, c.BestUse);
        Assert.Equal(1_005_682.35, c.BestMarginPerMwYear.Value, 0.01);
        Assert.Equal(915_682.35, c.AdvantagePerMwYear.Value, 0.01);
        Assert.Equal(494_940, c.Cloud.MarginPerYear.Value, 1e-6);
    }

    [Fact]
    public void For_LeaseBest_WhenCloudLoses()
    {
        // Cloud at $0.20/GPU-h, fixed $40: 670,140 − 350,400 − 5,600,000 < 0; mining at HP 30: 644,117.65 − 350,400 = 293,717.65;
        // lease 472,500 after capital ⇒ best lease, advantage 472,500 − 293,717.65 = 178,782.35 (hand).
        var cloud = GpuCloudTests.Blackwell() with { PricePerGpuHour = 0.2 };
        var site = MakeSite(PowerPrice.Fixed(new UsdPerMwh(40)), MiningFleetTests.IdealFleet(17), cloud: cloud);
        var c = SiteComparison.For(site, new UsdPerPetahashDay(30));
        Assert.Equal(SiteComparison.LeaseUse, c.BestUse);
        Assert.Equal(178_782.35, c.AdvantagePerMwYear.Value, 0.01);
    }

    [Fact]
    public void For_SiteWithoutMiners_MiningIsNull()
    {
        // Only lease (472,500 after capital) and cloud at $40 fixed (8,931,039 − 5,600,000 = 3,331,039) compete:
        // advantage 2,858,539 (hand).
        var site = MakeSite(PowerPrice.Fixed(new UsdPerMwh(40)), new MiningFleet([], 0.1, 1, 0));
        var c = SiteComparison.For(site, new UsdPerPetahashDay(30));
        Assert.Null(c.Mining);
        Assert.Null(c.Curtailment);
        Assert.Equal(SiteComparison.CloudUse, c.BestUse);
        Assert.Equal(2_858_539, c.AdvantagePerMwYear.Value, 1e-3);
    }

    [Fact]
    public void For_SiteWithoutMinersOnSeries_CurtailmentIsNull()
    {
        var site = MakeSite(PowerPrice.FromSeries(Series, UsdPerMwh.Zero, "test"), new MiningFleet([], 0, 1, 0));
        var c = SiteComparison.For(site, new UsdPerPetahashDay(30));
        Assert.Null(c.Mining);
        Assert.Null(c.Curtailment);
    }

    [Fact]
    public void For_NullSite_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SiteComparison.For(null!, new UsdPerPetahashDay(30)));
    }

    [Fact]
    public void Headroom_Site_IsInterconnectionMinusAiAndMiningLoad()
    {
        // 50 MW − (10 + 5) MW AI − 17 MW mining (5,000 × 3,400 W) = 18 MW.
        var deployments = new List<AiDeployment>
        {
            new("lease", new Megawatts(10), ColocationLeaseTests.Median(), null),
            new("cloud", new Megawatts(5), null, GpuCloudTests.Blackwell()),
        };
        var site = MakeSite(PowerPrice.Fixed(new UsdPerMwh(40)), MiningFleetTests.IdealFleet(17), deployments: deployments);
        Assert.Equal(15, site.AiLoad.Value, 1e-12);
        Assert.Equal(18, site.Headroom.Value, 1e-9);
    }

    [Fact]
    public void PerGridMw_AiDeployment_UsesItsTerms()
    {
        var price = new UsdPerMwh(40);
        Assert.Equal(ComputeUse.ColocationLease, new AiDeployment("l", new Megawatts(1), ColocationLeaseTests.Median(), null).PerGridMw(price)?.Use);
        Assert.Equal(8_931_039, new AiDeployment("c", new Megawatts(1), null, GpuCloudTests.Blackwell()).PerGridMw(price)!.MarginPerYear.Value, 1e-3);
        Assert.Null(new AiDeployment("none", new Megawatts(1), null, null).PerGridMw(price));
    }
}
