namespace HashPivot.Engine.Valuation;

/// <summary>The conversion of grid MW to an AI/HPC use: per MW of grid connection, USD per year and USD of capex, with its build time and price path.</summary>
/// <param name="RevenueUsdPerMwYear">Year-1 revenue per grid MW (it follows the price path).</param>
/// <param name="VariableCostShare">Operating cost that scales with revenue, as a share of it.</param>
/// <param name="FixedCostUsdPerMwYear">Operating cost that does not (power for GPU cloud), USD per grid MW per year.</param>
/// <param name="ContractEscalatorPerYear">Yearly change of the revenue counted from the first revenue (a lease's escalator).</param>
/// <param name="MarketPriceChangePerYear">Yearly change of the market price counted from the start of the projection, whenever the conversion happens (GPU-hour prices); a later conversion starts at the later price.</param>
/// <param name="CapexUsdPerMw">Capex per grid MW, spread evenly over the build months.</param>
/// <param name="BuildMonths">Months from the decision to the first revenue.</param>
/// <param name="RefreshCapexUsdPerMw">Capex spent again every <paramref name="RefreshYears"/> after the start (GPUs); zero for a lease.</param>
/// <param name="RefreshYears">Useful life before a refresh (years); ignored when the refresh capex is zero.</param>
/// <param name="DepreciationYears">Straight-line tax depreciation of the capex (years).</param>
public sealed record ConversionTerms(
    double RevenueUsdPerMwYear,
    double VariableCostShare,
    double FixedCostUsdPerMwYear,
    double ContractEscalatorPerYear,
    double MarketPriceChangePerYear,
    double CapexUsdPerMw,
    int BuildMonths,
    double RefreshCapexUsdPerMw,
    double RefreshYears,
    double DepreciationYears)
{
    /// <summary>Margin per grid MW per year (USD) at a revenue of <paramref name="revenueUsdPerMwYear"/>.</summary>
    public double MarginUsdPerMwYear(double revenueUsdPerMwYear) => (revenueUsdPerMwYear * (1 - VariableCostShare)) - FixedCostUsdPerMwYear;
}

/// <summary>One site to value: the mining it does today and the MW it could convert.</summary>
/// <param name="Name">Site name.</param>
/// <param name="MiningMw">MW of mining load available on average (site MW × uptime).</param>
/// <param name="MiningJPerTh">Fleet efficiency at the wall after the pool fee (site J/TH ÷ (1 − fee)), so revenue per MWh is hashprice ÷ this.</param>
/// <param name="ConvertibleMw">Grid MW that a conversion would turn into AI/HPC load (mining on the site stops with a full conversion).</param>
/// <param name="Power">The site's power prices (USD/MWh): a month library or a flat price.</param>
/// <param name="PowerScale">Multiplier on the library's prices (1 = as observed); sets the mean power price of the projection.</param>
/// <param name="Lease">Colocation-lease terms.</param>
/// <param name="Cloud">GPU-cloud terms.</param>
public sealed record ValuationSite(
    string Name,
    double MiningMw,
    double MiningJPerTh,
    double ConvertibleMw,
    PowerMonthLibrary Power,
    double PowerScale,
    ConversionTerms Lease,
    ConversionTerms Cloud);

/// <summary>Financing and valuation conventions: discount rate, debt, a flat tax and the terminal multiple.</summary>
/// <param name="DiscountRatePerYear">Equity discount rate (annual, monthly compounding equivalent).</param>
/// <param name="DebtShareOfCapex">Share of each capex draw financed by a term loan drawn with it (delayed-draw style).</param>
/// <param name="DebtRatePerYear">Loan interest rate.</param>
/// <param name="DebtTenorYears">Level-payment amortisation of each draw (years).</param>
/// <param name="TaxRate">Flat tax on positive monthly operating profit after depreciation and interest (no loss carry-forward: conservative).</param>
/// <param name="TerminalMultiple">Terminal value = this × the last twelve months' cash flow (floored at zero), minus debt outstanding at the horizon.</param>
public sealed record Financing(
    double DiscountRatePerYear,
    double DebtShareOfCapex,
    double DebtRatePerYear,
    double DebtTenorYears,
    double TaxRate,
    double TerminalMultiple);

/// <summary>
/// Everything a Monte-Carlo valuation needs, as plain values so it can cross process boundaries: the network at the start, the BTC
/// price model, the network response, the sites, the financing and the horizon. Results depend only on this and the seed.
/// </summary>
/// <param name="BtcPriceUsd">BTC price at the start (USD).</param>
/// <param name="NetworkHashratePhS">Network hashrate at the start (PH/s).</param>
/// <param name="Height">Block height at the start (for halvings).</param>
/// <param name="StartCalendarMonth">Calendar month (1–12) of the first projected month, for drawing the power months.</param>
/// <param name="Price">BTC log-price model.</param>
/// <param name="Network">Network response.</param>
/// <param name="Sites">Sites to value.</param>
/// <param name="Financing">Discounting, debt, tax, terminal value.</param>
/// <param name="Years">Horizon in years.</param>
/// <param name="HybridLeaseShare">Share of the convertible MW the hybrid strategy leases (the rest keeps mining).</param>
/// <param name="Seed">Seed of every random draw.</param>
public sealed record ValuationRequest(
    double BtcPriceUsd,
    double NetworkHashratePhS,
    long Height,
    int StartCalendarMonth,
    LogPriceModel Price,
    NetworkResponse Network,
    IReadOnlyList<ValuationSite> Sites,
    Financing Financing,
    int Years,
    double HybridLeaseShare,
    long Seed)
{
    /// <summary>Months in the horizon.</summary>
    public int Months => Years * 12;
}
