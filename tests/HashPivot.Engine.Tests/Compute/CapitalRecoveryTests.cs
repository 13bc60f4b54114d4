using HashPivot.Engine.Compute;

namespace HashPivot.Engine.Tests.Compute;

public sealed class CapitalRecoveryTests
{
    // Standard annuity-table values of the capital recovery factor r(1+r)^n / ((1+r)^n − 1):
    // 10 %, 10 y = 0.16275; 10 %, 5 y = 0.26380; 10 %, 20 y = 0.11746; 0 %, n y = 1/n.
    [Theory]
    [InlineData(0.10, 10, 0.16275)]
    [InlineData(0.10, 5, 0.26380)]
    [InlineData(0.10, 20, 0.11746)]
    [InlineData(0.0, 8, 0.125)]
    public void Factor_KnownRates_MatchAnnuityTable(double rate, double years, double expected)
    {
        Assert.Equal(expected, CapitalRecovery.Factor(rate, years), 5);
    }

    [Fact]
    public void Factor_PaysBackPrincipal_PresentValueOfPaymentsIsOne()
    {
        // Independent check: discounting n level payments of CRF at r gives back exactly 1.
        var crf = CapitalRecovery.Factor(0.07, 12);
        var pv = Enumerable.Range(1, 12).Sum(t => crf / Math.Pow(1.07, t));
        Assert.Equal(1.0, pv, 12);
    }

    [Fact]
    public void Factor_ZeroYears_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => CapitalRecovery.Factor(0.1, 0));
}
