using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Compute;

public sealed class ColocationLeaseTests
{
    // A median-ish lease from domain.md §3.4 takeaways (~$150/kW-mo, 80–90 % NOI, $8–11M/MW capex) and §3.3's
    // IT ≈ 0.69–0.80 × gross: rent 150, IT share 0.75, NOI 0.85, capex 9M per MW of IT.
    internal static ColocationLease Median(double escalator = 0, int termYears = 10) =>
        new(new UsdPerKilowattMonth(150), 0.75, escalator, termYears, 0.85, new Usd(9e6));

    [Fact]
    public void PerGridMw_MedianLease_MatchesHandCalculation()
    {
        // Revenue = 150 × 1,000 kW × 12 × 0.75 = 1,350,000 USD per grid MW-yr
        // NOI     = 1,350,000 × 0.85 = 1,147,500
        // Capex   = 9,000,000 × 0.75 = 6,750,000 per grid MW
        // Payback = 6,750,000 / 1,147,500 = 5.882 years (§3.4: "~6–7-yr unlevered payback on the shell").
        var e = Median().PerGridMw();
        Assert.Equal(ComputeUse.ColocationLease, e.Use);
        Assert.Equal(0.75, e.ItMegawatts.Value, 1e-12);
        Assert.Equal(1_350_000, e.RevenuePerYear.Value, 1e-6);
        Assert.Equal(1_350_000, e.AverageRevenuePerYear.Value, 1e-6);
        Assert.Equal(1_147_500, e.MarginPerYear.Value, 1e-6);
        Assert.Equal(6_750_000, e.CapexPerGridMw.Value, 1e-6);
        Assert.Equal(5.882, e.SimplePaybackYears, 1e-3);
        Assert.Equal(0, e.DepreciationPerYear.Value);
    }

    // Term average with an annual escalator g: year-1 rent × (Σ_{y=0}^{T−1} (1+g)^y) / T = year-1 × ((1+g)^T − 1) / (g·T).
    // g = 3 %, T = 10: (1.343916 − 1) / 0.3 = 1.146388 ⇒ 1,547,623.7; g = 2 %, T = 15: (1.345868 − 1) / 0.3 = 1.152894
    // ⇒ 1,556,407.5; g = 0 ⇒ year-1 rent (hand).
    [Theory]
    [InlineData(0.03, 10, 1_547_623.7)]
    [InlineData(0.02, 15, 1_556_407.5)]
    [InlineData(0.0, 12, 1_350_000.0)]
    [InlineData(0.05, 1, 1_350_000.0)] // a one-year term never escalates
    public void PerGridMw_Escalator_AverageIsGeometricSeriesOverTerm(double escalator, int termYears, double expected)
    {
        var e = Median(escalator, termYears).PerGridMw();
        Assert.Equal(expected, e.AverageRevenuePerYear.Value, 0.1);

        // Year-1 revenue, NOI and payback do not depend on the escalator.
        Assert.Equal(1_350_000, e.RevenuePerYear.Value, 1e-6);
        Assert.Equal(1_147_500, e.MarginPerYear.Value, 1e-6);
    }

    [Fact]
    public void FromPue_Pue_SetsItShareToInverse()
    {
        // PUE 1.25 ⇒ IT share 0.8 (domain.md §3.3: IT ≈ 1/PUE); revenue 150 × 12,000 × 0.8 = 1,440,000.
        var lease = ColocationLease.FromPue(new UsdPerKilowattMonth(150), 1.25, 0, 10, 0.85, new Usd(9e6));
        Assert.Equal(0.8, lease.ItShareOfGross, 1e-12);
        Assert.Equal(1_440_000, lease.PerGridMw().RevenuePerYear.Value, 1e-6);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.0)]
    public void FromPue_BelowOne_Throws(double pue)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ColocationLease.FromPue(new UsdPerKilowattMonth(150), pue, 0, 10, 0.85, new Usd(9e6)));
    }

    [Fact]
    public void PerGridMw_ZeroNoi_PaybackIsInfinite()
    {
        var lease = Median() with { NoiMargin = 0 };
        Assert.True(double.IsPositiveInfinity(lease.PerGridMw().SimplePaybackYears));
    }

    [Fact]
    public void PerGridMw_RiotAmdRetrofit_PaybackFromDisclosedFigures()
    {
        // Riot–AMD (domain.md §3.4 and §3.1; stocktitan.net, 8-K 2026-01-16): 25 MW IT, $311M / 10 y ⇒ 1.244M per
        // MW-IT-yr = 103.67 USD/kW-mo; avg NOI ~$25M/yr ⇒ margin 25 / 31.1 = 0.8039; capex $89.8M / 25 = 3.592M per MW IT.
        // Per MW of IT (IT share 1): NOI = 1.244M × 0.8039 = 1.0M; payback = 3.592 / 1.0 = 3.592 years (hand).
        var lease = new ColocationLease(new UsdPerKilowattMonth(311e6 / 250 / 12_000), 1.0, 0, 10, 25.0 / 31.1, new Usd(89.8e6 / 25));
        var e = lease.PerGridMw();
        Assert.Equal(1_244_000, e.RevenuePerYear.Value, 1);
        Assert.Equal(1_000_000, e.MarginPerYear.Value, 1);
        Assert.Equal(3.592, e.SimplePaybackYears, 1e-3);
    }
}
