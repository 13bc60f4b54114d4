using HashPivot.Engine.Markets;

namespace HashPivot.Engine.Tests.Markets;

public sealed class RegressionTests
{
    [Fact]
    public void Ols_FourPoints_MatchesHandCalculation()
    {
        // Hand calculation: x̄ = 2.5, ȳ = 4; Σdx·dy = 3 + 0.5 + 0.5 + 3 = 7; Σdx² = 2.25 + 0.25 + 0.25 + 2.25 = 5
        // ⇒ β = 7/5 = 1.4, α = 4 − 1.4·2.5 = 0.5; residuals 0.1, −0.3, 0.3, −0.1 ⇒ SSR 0.2, σ̂² = 0.2/(4−2) = 0.1;
        // Σdy² = 10 ⇒ r = 7/√50 = 0.989949.
        var fit = Regression.Ols([1.0, 2, 3, 4], [2.0, 3, 5, 6]);

        Assert.Equal(1.4, fit.Beta, 12);
        Assert.Equal(0.5, fit.Alpha, 12);
        Assert.Equal(0.1, fit.ResidualVariance, 12);
        Assert.Equal(7 / Math.Sqrt(50), fit.Correlation, 12);
        Assert.Equal(4, fit.Count);
    }

    [Fact]
    public void Ols_ConstantRegressor_Throws()
    {
        Assert.Throws<ArgumentException>(() => Regression.Ols([1.0, 1, 1], [1.0, 2, 3]));
    }

    [Fact]
    public void RollingBeta_WindowOfThree_EqualsDirectRegressionOnEachWindow()
    {
        // Beta against a direct regression: each rolling value is the OLS slope of that window alone.
        double[] m = [0.01, -0.02, 0.015, 0.003, -0.007, 0.02];
        double[] a = [0.02, -0.05, 0.02, 0.01, -0.01, 0.05];
        var rolling = Regression.RollingBeta(a, m, 3);

        Assert.True(double.IsNaN(rolling[0]) && double.IsNaN(rolling[1]));
        for (var i = 2; i < m.Length; i++)
        {
            Assert.Equal(Regression.Ols(m.AsSpan(i - 2, 3), a.AsSpan(i - 2, 3)).Beta, rolling[i], 12);
        }
    }

    [Fact]
    public void RollingVolatility_TwoReturns_IsSampleSdTimesRoot252()
    {
        // Returns 0.01 and −0.01: mean 0, sample variance (0.0001 + 0.0001)/(2−1) = 0.0002 ⇒ sd 0.0141421 ⇒ ×√252 = 0.224499.
        var vol = Regression.RollingVolatility([0.01, -0.01], 2);

        Assert.True(double.IsNaN(vol[0]));
        Assert.Equal(Math.Sqrt(0.0002 * 252), vol[1], 12);
    }

    [Fact]
    public void Simple_And_Log_ThreePrices_MatchHandCalculation()
    {
        // 100 → 110 → 99: simple +10 %, −10 %; log ln 1.1 = 0.0953102, ln 0.9 = −0.1053605.
        Assert.Equal([0.1, -0.1], Returns.Simple([100.0, 110, 99]).Select(r => Math.Round(r, 12)));
        var log = Returns.Log([100.0, 110, 99]);
        Assert.Equal(Math.Log(1.1), log[0], 12);
        Assert.Equal(Math.Log(0.9), log[1], 12);
    }
}
