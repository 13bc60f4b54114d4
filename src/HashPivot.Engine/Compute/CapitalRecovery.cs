namespace HashPivot.Engine.Compute;

/// <summary>The capital recovery factor: the level annual payment that repays 1 USD of capex over n years at a discount rate.</summary>
public static class CapitalRecovery
{
    /// <summary>CRF = r(1+r)^n / ((1+r)^n − 1); 1/n at a zero rate.</summary>
    public static double Factor(double rate, double years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        if (!double.IsFinite(rate) || rate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Discount rate must be finite and above -100 %.");
        }

        if (Math.Abs(rate) < 1e-12)
        {
            return 1 / years;
        }

        var growth = Math.Pow(1 + rate, years);
        return rate * growth / (growth - 1);
    }
}
