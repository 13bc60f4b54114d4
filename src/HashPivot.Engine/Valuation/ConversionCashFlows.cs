namespace HashPivot.Engine.Valuation;

/// <summary>
/// Monthly equity cash flows (USD per converted grid MW) of a conversion decided at a given month: capex over the build, GPU refreshes,
/// a term loan drawn with each capex draw and repaid in level monthly payments, revenue on its price path, flat tax after straight-line
/// depreciation and interest, and a terminal value net of the debt still owed.
/// </summary>
public sealed record ConversionCashFlows(double[] EquityUsd, double TerminalUsd)
{
    /// <summary>The flows of <paramref name="terms"/> decided at month <paramref name="startMonth"/> over <paramref name="months"/> months.</summary>
    public static ConversionCashFlows For(ConversionTerms terms, Financing financing, int startMonth, int months)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(financing);
        var capex = new double[months];
        var build = Math.Max(1, terms.BuildMonths);
        for (var t = startMonth; t < Math.Min(months, startMonth + build); t++)
        {
            capex[t] += terms.CapexUsdPerMw / build;
        }

        var firstRevenue = startMonth + build;
        if (terms.RefreshCapexUsdPerMw > 0 && terms.RefreshYears > 0)
        {
            var step = (int)Math.Round(terms.RefreshYears * 12);
            for (var t = firstRevenue + step; t < months; t += step)
            {
                capex[t] += terms.RefreshCapexUsdPerMw;
            }
        }

        var interest = new double[months];
        var principal = new double[months];
        var depreciation = new double[months];
        var monthlyRate = financing.DebtRatePerYear / 12;
        var tenor = Math.Max(1, (int)Math.Round(financing.DebtTenorYears * 12));
        var depMonths = Math.Max(1, (int)Math.Round(terms.DepreciationYears * 12));
        var outstandingAtEnd = 0.0;
        for (var t = 0; t < months; t++)
        {
            if (capex[t] == 0)
            {
                continue;
            }

            for (var s = t + 1; s < Math.Min(months, t + 1 + depMonths); s++)
            {
                depreciation[s] += capex[t] / depMonths;
            }

            var balance = capex[t] * financing.DebtShareOfCapex;
            if (balance <= 0)
            {
                continue;
            }

            // Level payment of an amortising loan: B·i / (1 − (1 + i)^−n); interest-free loans repay B/n.
            var payment = monthlyRate == 0 ? balance / tenor : balance * monthlyRate / (1 - Math.Pow(1 + monthlyRate, -tenor));
            for (var s = t + 1; s < t + 1 + tenor && balance > 1e-9; s++)
            {
                var i = balance * monthlyRate;
                var p = Math.Min(balance, payment - i);
                if (s < months)
                {
                    interest[s] += i;
                    principal[s] += p;
                }
                else
                {
                    break;
                }

                balance -= p;
            }

            outstandingAtEnd += Math.Max(0, balance);
        }

        var equity = new double[months];
        var lastYearOperating = 0.0;
        for (var t = 0; t < months; t++)
        {
            var margin = 0.0;
            if (t >= firstRevenue)
            {
                var revenue = terms.RevenueUsdPerMwYear * Math.Pow(1 + terms.ContractEscalatorPerYear, (t - firstRevenue) / 12.0)
                    * Math.Pow(1 + terms.MarketPriceChangePerYear, t / 12.0);
                margin = terms.MarginUsdPerMwYear(revenue) / 12;
            }

            var tax = financing.TaxRate * Math.Max(0, margin - depreciation[t] - interest[t]);
            equity[t] = margin - tax - interest[t] - principal[t] - (capex[t] * (1 - financing.DebtShareOfCapex));
            if (t >= months - 12)
            {
                lastYearOperating += margin - tax;
            }
        }

        return new ConversionCashFlows(equity, (financing.TerminalMultiple * Math.Max(0, lastYearOperating)) - outstandingAtEnd);
    }
}
