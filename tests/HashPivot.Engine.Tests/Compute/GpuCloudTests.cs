using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Compute;

public sealed class GpuCloudTests
{
    // Blackwell-class GPU at 2.0 kW of grid power (domain.md §3.3: ~1.7–1.9 kW IT × PUE 1.1–1.3 ⇒ ~2.0–2.4 kW),
    // $2.77/GPU-h (§3.5: IREN $3.4B / 140k GPUs), 90 % sold, $50k capex per GPU over 5 years, 15 % non-power opex,
    // 15M per MW-IT facility (§3.1, IREN–Microsoft DC-only), IT share 0.8.
    internal static GpuCloud Blackwell(double utilisation = 0.9) =>
        new(2.77, 2.0, utilisation, new Usd(50_000), 5, 0.15, new Usd(15e6), 0.8);

    [Theory]
    [InlineData(2.0, 500.0)]
    [InlineData(1.6, 625.0)] // H100-class ~1.5–1.7 kW grid (§3.3)
    [InlineData(2.4, 416.667)]
    public void GpusPerGridMw_KwPerGpu_IsThousandOver(double kwPerGpu, double expected)
    {
        var cloud = Blackwell() with { GridKwPerGpu = kwPerGpu };
        Assert.Equal(expected, cloud.GpusPerGridMw, 1e-3);
    }

    // Revenue per grid MW = (1000 / kW per GPU) × price × 8,760 × utilisation (hand):
    // 500 × 2.77 × 8,760 × 1.0 = 12,132,600; × 0.9 = 10,919,340; H100 625 × 2.35 (§3.6 1-yr reserved) × 8,760 × 0.8 = 10,293,000.
    [Theory]
    [InlineData(2.0, 2.77, 1.0, 12_132_600.0)]
    [InlineData(2.0, 2.77, 0.9, 10_919_340.0)]
    [InlineData(1.6, 2.35, 0.8, 10_293_000.0)]
    public void PerGridMw_Revenue_IsGpusTimesPriceTimesHours(double kwPerGpu, double price, double utilisation, double expected)
    {
        var cloud = Blackwell(utilisation) with { GridKwPerGpu = kwPerGpu, PricePerGpuHour = price };
        var e = cloud.PerGridMw(new UsdPerMwh(40));
        Assert.Equal(expected, e.RevenuePerYear.Value, 1e-3);
        Assert.Equal(expected, e.AverageRevenuePerYear.Value, 1e-3);
    }

    [Fact]
    public void PerGridMw_IrenRunRate_Is3Point4BillionFor140kGpus()
    {
        // domain.md §3.5 (livenews.co.nz 2025-11-06; finviz.com 2026-02-11): $3.4B ARR with ~140k GPUs ⇒ $2.77/GPU-h
        // at full utilisation. 140,000 × 2.77 × 8,760 = 3,397,128,000 USD/yr. At 2.0 kW per GPU, 140k GPUs take
        // 280 MW of grid, so revenue per MW × 280 must give the same run-rate.
        var cloud = Blackwell(utilisation: 1.0);
        var gridMw = 140_000 / cloud.GpusPerGridMw;
        Assert.Equal(280, gridMw, 1e-9);
        var runRate = cloud.PerGridMw(new UsdPerMwh(40)).RevenuePerYear.Value * gridMw;
        Assert.Equal(3_397_128_000, runRate, 1);
        Assert.InRange(runRate / 3.4e9, 0.99, 1.01);
    }

    [Fact]
    public void PerGridMw_Blackwell_MarginCapexPaybackMatchHandCalculation()
    {
        // Revenue 10,919,340 (above). Power: the full 1 MW all year, 8,760 MWh × 40 = 350,400.
        // EBITDA = 10,919,340 × 0.85 − 350,400 = 8,931,039.
        // Capex = 500 GPUs × 50,000 + 15M × 0.8 = 25M + 12M = 37M; payback = 37M / 8,931,039 = 4.1429 y.
        // Depreciation = 25M / 5 = 5M per year.
        var e = Blackwell().PerGridMw(new UsdPerMwh(40));
        Assert.Equal(ComputeUse.GpuCloud, e.Use);
        Assert.Equal(0.8, e.ItMegawatts.Value, 1e-12);
        Assert.Equal(8_931_039, e.MarginPerYear.Value, 1e-3);
        Assert.Equal(37e6, e.CapexPerGridMw.Value, 1e-3);
        Assert.Equal(4.1429, e.SimplePaybackYears, 1e-4);
        Assert.Equal(5e6, e.DepreciationPerYear.Value, 1e-6);
    }

    [Fact]
    public void PerGridMw_IdleGpus_StillPayFullPower()
    {
        // Zero utilisation: no revenue, power still 8,760 × 40 = 350,400 ⇒ EBITDA −350,400, payback infinite.
        var e = Blackwell(utilisation: 0).PerGridMw(new UsdPerMwh(40));
        Assert.Equal(0, e.RevenuePerYear.Value);
        Assert.Equal(-350_400, e.MarginPerYear.Value, 1e-6);
        Assert.True(double.IsPositiveInfinity(e.SimplePaybackYears));
    }
}
