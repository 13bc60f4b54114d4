using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Units;

public sealed class HashrateConversionsTests
{
    // 1 EH/s = 1,000 PH/s = 1e6 TH/s; 1 TH/s = 1e12 H/s (domain.md §1.1 constants).
    [Theory]
    [InlineData(1_000_000.0, 1_000.0, 1.0)]
    [InlineData(200.0, 0.2, 0.0002)] // one S21 (domain.md §2.1)
    [InlineData(0.0, 0.0, 0.0)]
    public void ToPetahashAndExahash_Terahash_ScalesByThousands(double th, double expectedPh, double expectedEh)
    {
        var t = new TerahashPerSecond(th);
        Assert.Equal(expectedPh, t.ToPetahash().Value, 1e-12);
        Assert.Equal(expectedEh, t.ToExahash().Value, 1e-12);
        Assert.Equal(th, t.ToPetahash().ToTerahash().Value, 1e-9);
        Assert.Equal(expectedEh, t.ToPetahash().ToExahash().Value, 1e-12);
        Assert.Equal(th, t.ToExahash().ToTerahash().Value, 1e-6);
        Assert.Equal(expectedPh, t.ToExahash().ToPetahash().Value, 1e-9);
    }

    [Fact]
    public void HashesPerSecond_RoundTrip_TeraIsTenToTwelve()
    {
        Assert.Equal(2e14, new TerahashPerSecond(200).HashesPerSecond, 1);
        Assert.Equal(200, TerahashPerSecond.FromHashesPerSecond(2e14).Value, 1e-9);
    }

    // TH/s × J/TH = W: the §2.1 nameplates (S21 200 TH × 17.5 = 3,500 W; S19 XP 140 × 21.5 = 3,010 W).
    [Theory]
    [InlineData(200.0, 17.5, 3_500.0)]
    [InlineData(140.0, 21.5, 3_010.0)]
    public void Multiply_HashrateTimesEfficiency_GivesWatts(double th, double jPerTh, double expectedWatts)
    {
        var hashrate = new TerahashPerSecond(th);
        var efficiency = new JoulesPerTerahash(jPerTh);
        Assert.Equal(expectedWatts, (hashrate * efficiency).Value, 1e-9);
        Assert.Equal(expectedWatts, (efficiency * hashrate).Value, 1e-9);
        Assert.Equal(jPerTh, (new Watts(expectedWatts) / hashrate).Value, 1e-12);
    }

    [Fact]
    public void DailyRevenueUsd_PetahashTimesHashprice_GivesUsdPerDay()
    {
        // 58.8235 PH/s (1 MW at 17 J/TH) × 30 USD/PH/day = 1,764.71 USD/day (1000/17 × 30, hand).
        var usd = new PetahashPerSecond(1000.0 / 17).DailyRevenueUsd(new UsdPerPetahashDay(30));
        Assert.Equal(1_764.7059, usd.Value, 1e-3);
    }

    [Fact]
    public void ScalarOperators_SameUnit_KeepUnit()
    {
        var a = new ExahashPerSecond(900);
        Assert.Equal(new ExahashPerSecond(1_800), a * 2);
        Assert.Equal(new ExahashPerSecond(1_800), 2 * a);
        Assert.Equal(new ExahashPerSecond(450), a / 2);
        Assert.Equal(2.0, new ExahashPerSecond(1_800) / a);
        Assert.Equal(new ExahashPerSecond(0), a - a);
        Assert.Equal("900 EH/s", a.ToString());
    }
}
