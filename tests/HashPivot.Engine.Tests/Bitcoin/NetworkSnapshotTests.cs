using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Bitcoin;

public sealed class NetworkSnapshotTests
{
    // June 2026 (domain.md §1.3, Galaxy Research via streamlinecrypto.com): D = 124.93T, P ≈ $60k, F̄ = 0.03 BTC
    // (§1.4 modelling default 0.02–0.04), height 950,000 (4th era ⇒ S = 3.125).
    private static readonly NetworkSnapshot June2026 = new(new UsdPerBtc(60_000), 124.93e12, Btc.FromBtc(0.03), 950_000);

    [Fact]
    public void Subsidy_FourthEra_Is3Point125()
    {
        Assert.Equal(312_500_000L, June2026.Subsidy.Satoshis);
    }

    [Fact]
    public void Hashprice_June2026_IsAbout30Point5()
    {
        // 2.01166e10 × 3.155 × 60,000 / 124.93e12 = 30.48 USD/PH/day (domain.md §1.3 sanity check).
        Assert.Equal(30.48, June2026.Hashprice.Value, 0.01);
    }

    [Fact]
    public void NetworkHashrate_June2026_Is894Exahash()
    {
        // 124.93e12 × 2^32 / 600 = 8.9428e20 H/s (domain.md §1.1 formula, hand).
        Assert.Equal(894.28, June2026.NetworkHashrate.Value, 0.01);
    }

    [Fact]
    public void MinerRevenuePerDay_June2026_Is144BlocksOfReward()
    {
        // 144 × 3.155 BTC × 60,000 = 27,259,200 USD/day (domain.md §1.1: 144 blocks/day).
        Assert.Equal(27_259_200, June2026.MinerRevenuePerDay.Value, 1e-3);
    }

    [Fact]
    public void MinerRevenuePerDay_OverNetworkHashrate_EqualsHashprice()
    {
        // Hashrate form: revenue per day ÷ network PH/s = hashprice (domain.md §1.1).
        var perPh = June2026.MinerRevenuePerDay.Value / June2026.NetworkHashrate.ToPetahash().Value;
        Assert.Equal(June2026.Hashprice.Value, perPh, 1e-9);
    }
}
