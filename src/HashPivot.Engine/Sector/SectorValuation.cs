using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sector;

/// <summary>A low–high range of value per MW (USD/MW) with the source of the figures.</summary>
/// <param name="Low">Low end, USD per MW.</param>
/// <param name="High">High end, USD per MW.</param>
/// <param name="Source">Where the range is published.</param>
public sealed record PerMwRange(double Low, double High, string Source);

/// <summary>Values per MW by use (USD/MW), user-set; the defaults are the published ranges of domain.md §6.</summary>
/// <param name="Colocation">Per MW of contracted critical IT under a lease.</param>
/// <param name="GpuCloud">Per MW of contracted critical IT run as a GPU cloud.</param>
/// <param name="PoweredLand">Per MW of power not under an AI contract (powered land).</param>
public sealed record PerMwValues(PerMwRange Colocation, PerMwRange GpuCloud, PerMwRange PoweredLand)
{
    /// <summary>
    /// domain.md §6: JPM 24 Nov 2025 colo $8–17M per MW IT and cloud "up to $19M" (low end: JPM 26 Sep 2025 GPU cloud ~$5.3M/MW);
    /// powered-land M&amp;A $0.40–0.55M per MW (quickfeed.io, Dec 2025).
    /// </summary>
    public static PerMwValues Published { get; } = new(
        new PerMwRange(8e6, 17e6, "JPM 24 Nov 2025 (blockspace.media): colo $8-17M/MW IT"),
        new PerMwRange(5.3e6, 19e6, "JPM 26 Sep 2025 ~$5.3M/MW; 24 Nov 2025 up to $19M (blockspace.media)"),
        new PerMwRange(0.40e6, 0.55e6, "powered-land M&A $400-550k/MW (quickfeed.io, Dec 2025)"));
}

/// <summary>A company's market value against its power: market cap and EV (USD), USD per MW, and an implied value from per-MW values by use.</summary>
/// <param name="Ticker">Ticker.</param>
/// <param name="MarketCap">Market cap in USD, null when unknown.</param>
/// <param name="MarketCapAsOf">Date of the market cap.</param>
/// <param name="NetDebt">Net debt in USD, null when unknown.</param>
/// <param name="EnterpriseValue">Market cap + net debt (USD); null unless both are known.</param>
/// <param name="EvPerMwTotal">EV ÷ total MW (USD/MW); null when EV or MW is unknown.</param>
/// <param name="EvPerMwEnergized">EV ÷ energized MW.</param>
/// <param name="EvPerMwContracted">EV ÷ AI-contracted MW of critical IT.</param>
/// <param name="MarketCapPerMwTotal">Market cap ÷ total MW (USD/MW), shown when EV is unknown for want of net debt.</param>
/// <param name="ImpliedLow">Σ contracted IT MW × low value by kind + uncontracted MW × low powered-land value (USD).</param>
/// <param name="ImpliedHigh">The same at the high ends (USD).</param>
/// <param name="UncontractedMw">Total MW − contracted IT MW, floored at 0 (IT treated as grid: conservative for powered land).</param>
public sealed record CompanyValuation(
    string Ticker,
    Usd? MarketCap,
    FactDate? MarketCapAsOf,
    Usd? NetDebt,
    Usd? EnterpriseValue,
    double? EvPerMwTotal,
    double? EvPerMwEnergized,
    double? EvPerMwContracted,
    double? MarketCapPerMwTotal,
    Usd ImpliedLow,
    Usd ImpliedHigh,
    double UncontractedMw);

/// <summary>Market cap, enterprise value and per-MW valuation of sector companies (USD, USD/MW).</summary>
public static class SectorValuation
{
    /// <summary>Market cap (USD) = price (USD/share) × shares outstanding.</summary>
    public static Usd MarketCap(double pricePerShare, double sharesOutstanding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pricePerShare);
        ArgumentOutOfRangeException.ThrowIfNegative(sharesOutstanding);
        return new Usd(pricePerShare * sharesOutstanding);
    }

    /// <summary>A dated market cap carried to another date by the price ratio P1/P0 (assumes the share count did not change between the two dates).</summary>
    public static Usd RollMarketCap(Usd marketCapAtP0, double priceP0, double priceP1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priceP0);
        return marketCapAtP0 * (priceP1 / priceP0);
    }

    /// <summary>Enterprise value (USD) = market cap + net debt.</summary>
    public static Usd EnterpriseValue(Usd marketCap, Usd netDebt) => marketCap + netDebt;

    /// <summary>Valuation of one company from its roll-up and company facts, with per-MW values <paramref name="values"/> (default <see cref="PerMwValues.Published"/>).</summary>
    public static CompanyValuation Of(SectorCompany company, CompanyRollup rollup, PerMwValues? values = null)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(rollup);
        values ??= PerMwValues.Published;
        Usd? ev = company.MarketCap is { } cap && company.NetDebt is { } debt ? EnterpriseValue(cap, debt) : null;
        var totalMw = rollup.GwTotal * 1000;
        var energizedMw = rollup.GwEnergized * 1000;
        var contractedMw = rollup.GwContractedAi * 1000;
        var colo = rollup.GwContractedColocation * 1000;
        var cloud = rollup.GwContractedGpuCloud * 1000;
        var uncontracted = Math.Max(0, totalMw - contractedMw);
        var low = (colo * values.Colocation.Low) + (cloud * values.GpuCloud.Low) + (uncontracted * values.PoweredLand.Low);
        var high = (colo * values.Colocation.High) + (cloud * values.GpuCloud.High) + (uncontracted * values.PoweredLand.High);
        return new CompanyValuation(
            company.Ticker,
            company.MarketCap,
            company.MarketCapAsOf,
            company.NetDebt,
            ev,
            PerMw(ev, totalMw),
            PerMw(ev, energizedMw),
            PerMw(ev, contractedMw),
            PerMw(company.MarketCap, totalMw),
            new Usd(low),
            new Usd(high),
            uncontracted);
    }

    private static double? PerMw(Usd? value, double mw) => value is { } v && mw > 0 ? v.Value / mw : null;
}
