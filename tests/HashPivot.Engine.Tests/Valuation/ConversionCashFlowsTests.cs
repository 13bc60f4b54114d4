using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class ConversionCashFlowsTests
{
    [Fact]
    public void AllEquityNoTax_CapexOverTheBuildThenMarginEscalating()
    {
        // 1.2M USD/MW-yr revenue, 25 % variable cost ⇒ 0.9M margin/yr = 75,000/month; capex 600k over 3 months from month 2; escalator 12 %/yr.
        var terms = new ConversionTerms(1_200_000, 0.25, 0, 0.12, 0, 600_000, 3, 0, 0, 10);
        var flows = ConversionCashFlows.For(terms, new Financing(0.1, 0, 0.09, 5, 0, 0), startMonth: 2, months: 24);

        Assert.Equal(0, flows.EquityUsd[1]);
        Assert.Equal(-200_000, flows.EquityUsd[2], 9);
        Assert.Equal(-200_000, flows.EquityUsd[4], 9);
        Assert.Equal(75_000, flows.EquityUsd[5], 9); // first revenue month: no escalation yet
        Assert.Equal(75_000 * 1.12, flows.EquityUsd[17], 6); // twelve months later: one escalator step
        Assert.Equal(0, flows.TerminalUsd);
    }

    [Fact]
    public void Debt_PrincipalRepaidEqualsTheLoan_AndTheHorizonTerminalNetsOutstandingDebt()
    {
        // Capex 1.2M in month 0, 50 % debt at 12 %/yr over 1 year: level payment 600,000 · 0.01 / (1 − 1.01^−12) = 53,309.27/month.
        var terms = new ConversionTerms(0, 0, 0, 0, 0, 1_200_000, 1, 0, 0, 10);
        var financing = new Financing(0.1, 0.5, 0.12, 1, 0, 0);
        var full = ConversionCashFlows.For(terms, financing, 0, 24);
        var payment = 600_000 * 0.01 / (1 - Math.Pow(1.01, -12));

        Assert.Equal(-600_000, full.EquityUsd[0], 6);
        for (var m = 1; m <= 12; m++)
        {
            Assert.Equal(-payment, full.EquityUsd[m], 6);
        }

        Assert.Equal(0, full.EquityUsd[13], 9);
        Assert.Equal(0, full.TerminalUsd, 6);

        // Cut at month 6: five payments made, the rest owed and netted from the terminal value.
        var cut = ConversionCashFlows.For(terms, financing, 0, 6);
        var owed = 600_000 * Math.Pow(1.01, 5) - (payment * ((Math.Pow(1.01, 5) - 1) / 0.01));
        Assert.Equal(-owed, cut.TerminalUsd, 4);
    }
}
