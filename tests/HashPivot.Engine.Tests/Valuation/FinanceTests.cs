using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class FinanceTests
{
    [Fact]
    public void Npv_TwelveMonthlyPayments_EqualsHandDiscounting()
    {
        // 100 USD at the end of each month for a year at 12 %/yr: Σ_{m=1..12} 100 · 1.12^(−m/12).
        // By hand: monthly factor f = 1.12^(−1/12) = 0.990600; Σ f^m = f(1 − f^12)/(1 − f) = 0.990600 · 0.107143 / 0.009400 ≈ 11.2915 ⇒ ≈ 1,129.15.
        var f = Math.Pow(1.12, -1.0 / 12);
        var expected = f * (1 - Math.Pow(f, 12)) / (1 - f) * 100;

        Assert.Equal(expected, Finance.Npv(Enumerable.Repeat(100.0, 12).ToArray(), 0.12), 9);
        Assert.InRange(Finance.Npv(Enumerable.Repeat(100.0, 12).ToArray(), 0.12), 1_129.1, 1_129.2);
    }

    [Fact]
    public void Npv_TerminalValue_IsDiscountedFromTheLastMonth()
    {
        // A terminal of 1,000 after 24 months at 10 %/yr is worth 1,000 / 1.1² = 826.446...
        Assert.Equal(1_000 / 1.21, Finance.Npv(new double[24], 0.10, 1_000), 9);
    }

    [Fact]
    public void Irr_PayOneThousandGetElevenHundredElevenMonthsLater_IsTheAnnualisedTenPercent()
    {
        // −1,000 at month 1 and +1,100 at month 12: zero NPV when (1 + r)^(11/12) = 1.1, so r = 1.1^(12/11) − 1 = 10.9635 %.
        var flows = new double[12];
        flows[0] = -1_000;
        flows[11] = 1_100;

        Assert.Equal(Math.Pow(1.1, 12.0 / 11) - 1, Finance.Irr(flows)!.Value, 9);
    }

    [Fact]
    public void Irr_AllPositiveFlows_HasNone() => Assert.Null(Finance.Irr([1.0, 2.0, 3.0]));

    [Fact]
    public void Payback_CountsMonthsUntilTheCumulativeTurnsNonNegative()
    {
        // −300, +100, +100, +100: cumulative −300, −200, −100, 0 ⇒ paid back in month 4; never paid back when the last +100 is missing.
        Assert.Equal(4, Finance.PaybackMonths([-300.0, 100, 100, 100]));
        Assert.Null(Finance.PaybackMonths([-300.0, 100, 100]));
    }
}
