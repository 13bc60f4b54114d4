using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Sites;

namespace HashPivot.Data.Analysis;

/// <summary>What <c>hashpivot compare --json</c> and <c>POST /api/v1/compare</c> answer: per site and per MW (USD), mining versus lease versus GPU cloud; key names are documented in the README.</summary>
public sealed record CompareDocument(CompareNetwork Network, IReadOnlyList<CompareSite> Sites, CompareTotals Totals)
{
    /// <summary>Compares every site of <paramref name="portfolio"/> at its network snapshot's hashprice.</summary>
    public static CompareDocument Run(Portfolio portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var hashprice = portfolio.Network.Hashprice;
        return From(portfolio, portfolio.Sites.Select(s => SiteComparison.For(s, hashprice)).ToList());
    }

    /// <summary>The document of comparisons already made.</summary>
    public static CompareDocument From(Portfolio portfolio, IReadOnlyList<SiteComparison> comparisons)
    {
        var net = portfolio.Network;
        var network = new CompareNetwork(net.BtcPrice.Value, net.Difficulty, net.FeesPerBlock.Value, net.Height, net.Subsidy.Value,
            net.NetworkHashrate.Value, net.Hashprice.Value, net.MinerRevenuePerDay.Value);
        var sites = comparisons.Select(CompareSite.From).ToList();
        var totals = new CompareTotals(
            sites.Sum(s => s.InterconnectionMw),
            sites.Sum(s => s.MiningLoadMw),
            sites.Sum(s => s.AiLoadMw),
            sites.Sum(s => (s.Mining?.MarginUsdPerDay ?? 0) * 365),
            sites.Sum(s => s.AiDeployments.Sum(d => d.MarginUsdPerYear ?? 0)));
        return new CompareDocument(network, sites, totals);
    }
}

/// <summary>The network snapshot a comparison used: BTC price (USD), difficulty, fees and subsidy (BTC), hashrate (EH/s), hashprice (USD/PH/day).</summary>
public sealed record CompareNetwork(
    double BtcPriceUsd, double Difficulty, double FeesBtcPerBlock, long Height, double SubsidyBtc,
    double NetworkHashrateEhS, double HashpriceUsdPerPhDay, double MinerRevenueUsdPerDay);

/// <summary>A site's power price: its description and average (USD/MWh).</summary>
public sealed record ComparePowerPrice(string Description, double AverageUsdPerMwh);

/// <summary>A site's mining economics: per day (USD) and per MW of mining load per year (USD), strike price (USD/MWh) and breakeven hashprice (USD/PH/day).</summary>
public sealed record CompareMining(
    double HashratePhS, double SiteEfficiencyJPerTh, double RevenueUsdPerDay, double PowerCostUsdPerDay, double MarginUsdPerDay,
    double RevenueUsdPerMwYear, double PowerCostUsdPerMwYear, double MarginUsdPerMwYear,
    double? StrikePriceUsdPerMwh, double? BreakevenHashpriceUsdPerPhDay, double? RunShare);

/// <summary>Lease or GPU-cloud economics per MW of grid connection per year (USD), capex per MW (USD) and payback (years).</summary>
public sealed record CompareCompute(
    double ItMwPerGridMw, double RevenueUsdPerMwYear, double AverageRevenueUsdPerMwYear, double MarginUsdPerMwYear,
    double CapexUsdPerMw, double? SimplePaybackYears, double DepreciationUsdPerMwYear,
    double CapitalChargeUsdPerMwYear, double MarginAfterCapitalUsdPerMwYear)
{
    public static CompareCompute From(ComputeEconomics e) => new(
        e.ItMegawatts.Value, e.RevenuePerYear.Value, e.AverageRevenuePerYear.Value, e.MarginPerYear.Value,
        e.CapexPerGridMw.Value, JsonNumbers.Finite(e.SimplePaybackYears), e.DepreciationPerYear.Value,
        e.CapitalChargePerYear.Value, e.MarginAfterCapitalPerYear.Value);
}

/// <summary>One AI deployment of a site: grid MW, use and its revenue and margin (USD/year).</summary>
public sealed record CompareDeployment(string Name, double GridMw, string Use, double? RevenueUsdPerYear, double? MarginUsdPerYear);

/// <summary>One site of a comparison: loads (MW), power price, mining, lease and GPU cloud per MW, and the best use with its margin (USD/MW-year).</summary>
public sealed record CompareSite(
    string Name, string Market, double InterconnectionMw, double MiningLoadMw, double AiLoadMw, double HeadroomMw,
    ComparePowerPrice PowerPrice, CompareMining? Mining, CompareCompute Lease, CompareCompute GpuCloud, IReadOnlyList<CompareDeployment> AiDeployments,
    string BestUse, double BestMarginUsdPerMwYear, double AdvantageUsdPerMwYear)
{
    public static CompareSite From(SiteComparison c)
    {
        var site = c.Site;
        return new CompareSite(
            site.Name, site.Market, site.Interconnection.Value, site.Fleet.SitePower.Value, site.AiLoad.Value, site.Headroom.Value,
            new ComparePowerPrice(site.Power.Description, site.Power.Average.Value),
            c.Mining is null ? null : MiningFrom(c.Mining, site.Fleet, c.Curtailment),
            CompareCompute.From(c.Lease), CompareCompute.From(c.Cloud),
            site.Deployments.Select(d =>
            {
                var e = d.PerGridMw(site.Power.Average);
                return new CompareDeployment(d.Name, d.GridMw.Value, d.Lease is not null ? SiteComparison.LeaseUse : SiteComparison.CloudUse,
                    e is null ? null : e.RevenuePerYear.Value * d.GridMw.Value, e is null ? null : e.MarginPerYear.Value * d.GridMw.Value);
            }).ToList(),
            c.BestUse, c.BestMarginPerMwYear.Value, c.AdvantagePerMwYear.Value);
    }

    private static CompareMining MiningFrom(MiningEconomics m, MiningFleet fleet, CurtailmentSummary? curtailment) => new(
        m.Hashrate.Value, fleet.SiteEfficiency.Value, m.RevenuePerDay.Value, m.PowerCostPerDay.Value, m.MarginPerDay.Value,
        m.RevenuePerMwYear.Value, m.PowerCostPerMwYear.Value, m.MarginPerMwYear.Value,
        JsonNumbers.Finite(m.StrikePrice.Value), JsonNumbers.Finite(m.BreakevenHashprice.Value), curtailment?.RunShare);
}

/// <summary>Portfolio totals: MW and margins (USD/year).</summary>
public sealed record CompareTotals(
    double InterconnectionMw, double MiningLoadMw, double AiLoadMw, double MiningMarginUsdPerYear, double AiMarginUsdPerYear);
