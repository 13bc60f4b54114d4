namespace HashPivot.Engine.Valuation;

/// <summary>Discounting of monthly cash flows (USD): NPV, IRR and payback.</summary>
public static class Finance
{
    /// <summary>Monthly discount factor for an annual rate: (1 + r)^(−1/12), so twelve months discount exactly one year.</summary>
    public static double MonthlyFactor(double annualRate) => Math.Pow(1 + annualRate, -1.0 / 12);

    /// <summary>NPV at <paramref name="annualRate"/> of cash flows at the end of months 1..n (index 0 is month 1), plus <paramref name="terminalUsd"/> at the end of month n.</summary>
    public static double Npv(ReadOnlySpan<double> monthlyUsd, double annualRate, double terminalUsd = 0)
    {
        var f = MonthlyFactor(annualRate);
        var d = 1.0;
        var npv = 0.0;
        foreach (var cash in monthlyUsd)
        {
            d *= f;
            npv += cash * d;
        }

        return npv + (terminalUsd * d);
    }

    /// <summary>
    /// The annual rate at which the NPV is zero, by bisection on [−99 %, 1,000 %]; null when the NPV does not change sign there
    /// (all-positive or all-negative flows have no IRR).
    /// </summary>
    public static double? Irr(ReadOnlySpan<double> monthlyUsd, double terminalUsd = 0)
    {
        double lo = -0.99, hi = 10;
        var fLo = Npv(monthlyUsd, lo, terminalUsd);
        var fHi = Npv(monthlyUsd, hi, terminalUsd);
        if (double.IsNaN(fLo) || double.IsNaN(fHi) || Math.Sign(fLo) == Math.Sign(fHi))
        {
            return null;
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            var mid = (lo + hi) / 2;
            var fMid = Npv(monthlyUsd, mid, terminalUsd);
            if (Math.Sign(fMid) == Math.Sign(fLo))
            {
                (lo, fLo) = (mid, fMid);
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>Months until the undiscounted cumulative cash flow first turns non-negative after having been negative; null when it never does.</summary>
    public static int? PaybackMonths(ReadOnlySpan<double> monthlyUsd)
    {
        var cumulative = 0.0;
        var wasNegative = false;
        for (var m = 0; m < monthlyUsd.Length; m++)
        {
            cumulative += monthlyUsd[m];
            if (cumulative < 0)
            {
                wasNegative = true;
            }
            else if (wasNegative)
            {
                return m + 1;
            }
        }

        return wasNegative ? null : 0;
    }
}
