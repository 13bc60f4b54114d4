using HashPivot.Engine.Sector;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Sector;

public sealed class ContractEconomicsTests
{
    [Fact]
    public void AiCloudRunRate_Iren140kGpus_Reproduces3Point4Billion()
    {
        // domain.md §3.5: "$3.4B ARR by end CY2026 with ~140k GPUs" (livenews.co.nz 2025-11-06; finviz.com 2026-02-11) and
        // "≈ $2.77/GPU-hour at full utilization (derived)": 140,000 × 2.77 × 1.0 × 8,760 = 3.397e9 ≈ $3.4B (within 0.1 %).
        var runRate = ContractEconomics.AiCloudRunRate(140_000, 2.77, 1.0);
        Assert.InRange(runRate.Value, 3.4e9 * 0.999, 3.4e9 * 1.001);

        // Inverse: 3.4e9 / (140,000 × 8,760) = 2.7723 USD/GPU-hour.
        var price = ContractEconomics.ImpliedUsdPerGpuHour(new Usd(3.4e9), 140_000, 1.0);
        Assert.Equal(3.4e9 / (140_000 * 8_760.0), price, 12);
        Assert.Equal(2.77, price, 2);
    }

    [Fact]
    public void Of_TeraWulfCb34_ImpliedRateAndNoiMatchPrimer()
    {
        // domain.md §3.4 TeraWulf–Fluidstack CB-3/4: $3.7B / (200 MW × 10 y) = $1.85M/MW-yr → $154/kW-mo; NOI margin ~85 % ⇒
        // 370M × 0.85 = $314.5M/yr (primer: "~$315M/yr").
        var contract = new AiContract("WULF", "Fluidstack", "Lake Mariner", ContractKind.Colocation, new Megawatts(200), new Usd(3.7e9), 10, null, "Google $1.8B",
            FactDate.TryParse("2025-08-14")!, false, "test", "");
        var e = ContractEconomics.Of(contract);

        Assert.Equal(1.85e6, e.Rate!.PerMwYear.Value, 3);
        Assert.InRange(e.Rate.PerKwMonth.Value, 153.5, 154.5);
        Assert.Equal(314.5e6, e.AnnualNoi.Value, 0);
    }

    [Fact]
    public void Of_UndisclosedMw_HasNoRateButRevenue()
    {
        // IREN–Nvidia (7 May 2026, domain.md §3.5): $3.4B over 5 years ⇒ ~$680M/yr; MW not disclosed ⇒ no per-kW rate.
        var contract = new AiContract("IREN", "Nvidia", "Childress", ContractKind.GpuCloud, null, new Usd(3.4e9), 5, null, "",
            FactDate.TryParse("2026-05-07")!, true, "test", "");
        var e = ContractEconomics.Of(contract);

        Assert.Null(e.Rate);
        Assert.Equal(680e6, e.AnnualRevenue.Value, 0);
    }
}
