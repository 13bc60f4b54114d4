using HashPivot.Engine.Valuation;

namespace HashPivot.Data.Valuation;

/// <summary>
/// The assumptions of <c>hashpivot value</c> that a portfolio file does not hold, with their defaults and why: BTC model, network response,
/// AI price paths and build times, financing. Every one is a command-line option; the run records them in its input hash.
/// </summary>
public sealed record ValuationAssumptions
{
    /// <summary>BTC log-price drift per year. Default 0: no view on the direction; the history's drift (≈ +60 %/yr 2014–2026) is not a forecast.</summary>
    public double BtcDriftPerYear { get; init; }

    /// <summary>BTC volatility per √year. Default 0.55: about the 2023–2026 realised level; the whole 2014–2026 history gives ≈ 0.7 (see <see cref="LogPriceModel.Estimate"/>).</summary>
    public double BtcVolatilityPerYear { get; init; } = 0.55;

    /// <summary>Network response; defaults in <see cref="DefaultNetwork"/>.</summary>
    public NetworkResponse? Network { get; init; }

    /// <summary>Lease build time (months). Default 12: retrofits of miner sites deliver in 12–18 months (domain.md §3.1, assumption at the fast end).</summary>
    public int LeaseBuildMonths { get; init; } = 12;

    /// <summary>GPU-cloud build time (months). Default 9: a powered hall fitted with GPUs (assumption).</summary>
    public int CloudBuildMonths { get; init; } = 9;

    /// <summary>GPU-hour price change per year. Default −0.15: H100 rental prices fell sharply after 2023 (domain.md §3.5; assumption for the rate).</summary>
    public double GpuPriceChangePerYear { get; init; } = -0.15;

    /// <summary>Multiplier on the sites' power prices (1 = as in the portfolio).</summary>
    public double PowerScale { get; init; } = 1;

    /// <summary>Discount rate per year. Default 0.10, the capital-charge rate of <c>compare</c>.</summary>
    public double DiscountRatePerYear { get; init; } = 0.10;

    /// <summary>Debt share of each capex draw. Default 0.5 (assumption; CoreWeave-style delayed-draw term loans fund about half of builds).</summary>
    public double DebtShareOfCapex { get; init; } = 0.5;

    /// <summary>Debt rate per year. Default 0.09 (assumption: SOFR + ~5 %).</summary>
    public double DebtRatePerYear { get; init; } = 0.09;

    /// <summary>Debt tenor in years, level amortisation. Default 5 (assumption).</summary>
    public double DebtTenorYears { get; init; } = 5;

    /// <summary>Flat tax on positive operating profit after depreciation and interest. Default 0.21 (US federal rate; state tax ignored).</summary>
    public double TaxRate { get; init; } = 0.21;

    /// <summary>Terminal value as a multiple of the last year's cash flow. Default 5 (assumption; miners trade at 6–12× EV/EBITDA, domain.md §6, taken low for a ten-year-old asset).</summary>
    public double TerminalMultiple { get; init; } = 5;

    /// <summary>Share of convertible MW the hybrid strategy leases. Default 0.5.</summary>
    public double HybridLeaseShare { get; init; } = 0.5;

    /// <summary>Calendar month (1–12) the projection starts in. Default 1.</summary>
    public int StartCalendarMonth { get; init; } = 1;

    /// <summary>
    /// Default network response: marginal fleet at 28 J/TH at the wall (S19-class, domain.md §2.1) paying $50/MWh, improving 16 %/yr (S19 Pro
    /// 29.5 → S21 17.5 J/TH in about three years, §2.1); 2 % of the log gap to hashcost closed per month with a 3-month lag, growth at most
    /// 5 %/month and decline at most 8 %/month. Fitted on 2020–2025 (ValuationRealDataTests: log RMSE 0.21, end of 2025 within 9 %).
    /// </summary>
    public static NetworkResponse DefaultNetwork(double feeShareOfSubsidy) => new(28, 0.16, 50, 0.02, 3, 0.05, 0.08, feeShareOfSubsidy);
}
