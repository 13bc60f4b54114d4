namespace HashPivot.Engine.Valuation;

/// <summary>
/// How the network's hashrate answers miners' economics, month by month: it grows while hashprice (USD/PH/day) exceeds the hashcost of
/// the marginal fleet and stalls or falls when it does not, with a lag for ordering and energising machines.
/// Growth per month = clamp(Response · ln(HP_{m−lag} ÷ hashcost_m), −MaxDecline, +MaxGrowth);
/// hashcost_m = marginal J/TH_m × 0.024 MWh per PH/s-day per J/TH × marginal power USD/MWh; the marginal J/TH improves by EfficiencyGainPerYear.
/// </summary>
/// <param name="MarginalJPerTh">Efficiency of the marginal (last to switch off) fleet at the start, J/TH at the wall.</param>
/// <param name="EfficiencyGainPerYear">Yearly improvement of that efficiency (share; new ASIC generations push the margin down).</param>
/// <param name="MarginalPowerUsdPerMwh">Power price the marginal miner pays (USD/MWh).</param>
/// <param name="ResponsePerMonth">Share of the log gap between hashprice and hashcost closed per month.</param>
/// <param name="LagMonths">Months between a hashprice and the hashrate it brings (or removes).</param>
/// <param name="MaxGrowthPerMonth">Largest monthly log growth (factory and energisation limit).</param>
/// <param name="MaxDeclinePerMonth">Largest monthly log decline (machines switched off).</param>
/// <param name="FeeShareOfSubsidy">Transaction fees per block as a share of the subsidy.</param>
public sealed record NetworkResponse(
    double MarginalJPerTh,
    double EfficiencyGainPerYear,
    double MarginalPowerUsdPerMwh,
    double ResponsePerMonth,
    int LagMonths,
    double MaxGrowthPerMonth,
    double MaxDeclinePerMonth,
    double FeeShareOfSubsidy)
{
    /// <summary>MWh a PH/s draws per day per J/TH of efficiency: 1 PH/s = 1,000 TH/s; × J/TH = kW; × 24 h = MWh/1,000.</summary>
    public const double MwhPerPhDayPerJPerTh = 0.024;

    /// <summary>Blocks per average month: 144 a day × 365.25 ÷ 12.</summary>
    public const double BlocksPerMonth = 144 * 365.25 / 12;

    /// <summary>Hashcost of the marginal fleet in month <paramref name="month"/> (USD/PH/day).</summary>
    public double HashcostUsdPerPhDay(int month) =>
        MarginalJPerTh * Math.Pow(1 - EfficiencyGainPerYear, month / 12.0) * MwhPerPhDayPerJPerTh * MarginalPowerUsdPerMwh;

    /// <summary>Log growth of the hashrate in month <paramref name="month"/> given the hashprice seen <see cref="LagMonths"/> earlier.</summary>
    public double LogGrowth(int month, double laggedHashpriceUsdPerPhDay)
    {
        var gap = Math.Log(Math.Max(laggedHashpriceUsdPerPhDay, 1e-9) / HashcostUsdPerPhDay(month));
        return Math.Clamp(ResponsePerMonth * gap, -MaxDeclinePerMonth, MaxGrowthPerMonth);
    }

    /// <summary>
    /// Runs the response over monthly BTC prices (USD): fills each month's network hashrate (PH/s) and hashprice (USD/PH/day), with the
    /// subsidy at the month's mid height (144 blocks a day from <paramref name="startHeight"/>) and, before the first lag has passed, the
    /// starting hashprice as the lagged one.
    /// </summary>
    public void Simulate(ReadOnlySpan<double> btcPriceUsd, double startBtcPriceUsd, double startHashratePhS, long startHeight, Span<double> hashratePhS, Span<double> hashpriceUsdPerPhDay)
    {
        var tables = Tables(btcPriceUsd.Length, startHeight);
        Simulate(btcPriceUsd, startBtcPriceUsd, startHashratePhS, tables, hashratePhS, hashpriceUsdPerPhDay);
    }

    /// <summary>The per-month inputs of <see cref="Simulate(ReadOnlySpan{double}, double, double, NetworkTables, Span{double}, Span{double})"/> that no path changes.</summary>
    public NetworkTables Tables(int months, long startHeight)
    {
        var hashcost = new double[months];
        var subsidy = new double[months];
        for (var m = 0; m < months; m++)
        {
            hashcost[m] = HashcostUsdPerPhDay(m);
            subsidy[m] = Bitcoin.Subsidy.AtHeight(startHeight + (long)(BlocksPerMonth * (m + 0.5))).Value;
        }

        return new NetworkTables(Bitcoin.Subsidy.AtHeight(startHeight).Value, hashcost, subsidy);
    }

    /// <summary>As <see cref="Simulate(ReadOnlySpan{double}, double, double, long, Span{double}, Span{double})"/>, with the month tables computed once for many paths (the same numbers bit for bit).</summary>
    public void Simulate(ReadOnlySpan<double> btcPriceUsd, double startBtcPriceUsd, double startHashratePhS, NetworkTables tables, Span<double> hashratePhS, Span<double> hashpriceUsdPerPhDay)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var hashcost = tables.HashcostUsdPerPhDay;
        var subsidy = tables.SubsidyBtc;
        var hashrate = startHashratePhS;
        var startHashprice = Hashprice(startBtcPriceUsd, tables.StartSubsidyBtc, hashrate);
        for (var m = 0; m < btcPriceUsd.Length; m++)
        {
            var lagged = m - LagMonths >= 0 ? hashpriceUsdPerPhDay[m - LagMonths] : startHashprice;
            var gap = Math.Log(Math.Max(lagged, 1e-9) / hashcost[m]); // LogGrowth with the month's hashcost looked up
            hashrate *= Math.Exp(Math.Clamp(ResponsePerMonth * gap, -MaxDeclinePerMonth, MaxGrowthPerMonth));
            hashratePhS[m] = hashrate;
            hashpriceUsdPerPhDay[m] = Hashprice(btcPriceUsd[m], subsidy[m], hashrate);
        }
    }

    /// <summary>Hashprice (USD/PH/day) from BTC price (USD), subsidy (BTC) and network hashrate (PH/s): 144 blocks × (S + fees) × P ÷ H.</summary>
    public double Hashprice(double btcPriceUsd, double subsidyBtc, double hashratePhS) =>
        144 * subsidyBtc * (1 + FeeShareOfSubsidy) * btcPriceUsd / hashratePhS;
}

/// <summary>Month tables of a projection that no path changes: the subsidy at the start (BTC), the marginal hashcost (USD/PH/day) and the subsidy at each month's mid height (BTC).</summary>
public sealed record NetworkTables(double StartSubsidyBtc, double[] HashcostUsdPerPhDay, double[] SubsidyBtc);
