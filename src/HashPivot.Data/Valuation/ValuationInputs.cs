using HashPivot.Data.Portfolios;
using HashPivot.Engine.Compute;
using HashPivot.Engine.Sites;
using HashPivot.Engine.Valuation;

namespace HashPivot.Data.Valuation;

/// <summary>Builds a <see cref="ValuationRequest"/> from a loaded portfolio and the valuation assumptions: one engine request for the CLI, the server and the cluster.</summary>
public static class ValuationInputs
{
    /// <summary>The request for every site of <paramref name="loaded"/>, valued over <paramref name="years"/> years with <paramref name="seed"/>.</summary>
    public static ValuationRequest Request(PortfolioWithSeries loaded, ValuationAssumptions assumptions, int years, long seed)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(assumptions);
        var network = loaded.Portfolio.Network;
        var feeShare = network.Subsidy.Value > 0 ? network.FeesPerBlock.Value / network.Subsidy.Value : 0;
        var sites = loaded.Portfolio.Sites.Select((s, i) => Site(s, loaded.SitePrices[i], assumptions)).ToList();
        return new ValuationRequest(
            network.BtcPrice.Value,
            network.NetworkHashrate.Value * 1000,
            network.Height,
            assumptions.StartCalendarMonth,
            new LogPriceModel(assumptions.BtcDriftPerYear, assumptions.BtcVolatilityPerYear),
            assumptions.Network ?? ValuationAssumptions.DefaultNetwork(feeShare),
            sites,
            new Financing(assumptions.DiscountRatePerYear, assumptions.DebtShareOfCapex, assumptions.DebtRatePerYear, assumptions.DebtTenorYears,
                assumptions.TaxRate, assumptions.TerminalMultiple),
            years,
            assumptions.HybridLeaseShare,
            seed);
    }

    /// <summary>What a valuation run records as its inputs (the portfolio file's text, every assumption, horizon, paths, seed) and hashes.</summary>
    public static string InputsJson(string portfolioText, ValuationAssumptions assumptions, int years, int paths, long seed) =>
        System.Text.Json.JsonSerializer.Serialize(new { portfolio = portfolioText, assumptions, years, paths, seed });

    private static ValuationSite Site(Site site, Engine.Series.TimeSeries? prices, ValuationAssumptions a)
    {
        var power = prices is null ? PowerMonthLibrary.Flat(site.Power.Average.Value) : PowerMonthLibrary.FromSeries(prices.StartsUnixSeconds, prices.Values);
        return new ValuationSite(
            site.Name,
            site.Fleet.AvailablePower.Value,
            site.Fleet.EfficiencyAfterPoolFee.Value,
            Math.Max(0, (site.Interconnection - site.AiLoad).Value),
            power,
            a.PowerScale,
            LeaseTerms(site.LeaseOffer, a),
            CloudTerms(site.CloudOffer, site.Power.Average.Value * a.PowerScale, a));
    }

    /// <summary>A lease per grid MW: rent follows the escalator, NOI keeps its margin, capex is the offer's, depreciated over the facility life.</summary>
    public static ConversionTerms LeaseTerms(ColocationLease lease, ValuationAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(a);
        var e = lease.PerGridMw();
        var revenue = e.RevenuePerYear.Value;
        return new ConversionTerms(revenue, revenue > 0 ? 1 - (e.MarginPerYear.Value / revenue) : 0, 0, lease.AnnualEscalator, 0, e.CapexPerGridMw.Value,
            a.LeaseBuildMonths, 0, 0, GpuCloud.FacilityLifeYears);
    }

    /// <summary>GPU cloud per grid MW: revenue follows the market GPU-hour price path from today (a later conversion rents at the later, lower price), power is a fixed cost, GPUs are bought again every useful life.</summary>
    public static ConversionTerms CloudTerms(GpuCloud cloud, double powerUsdPerMwh, ValuationAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(a);
        var e = cloud.PerGridMw(new Engine.Units.UsdPerMwh(powerUsdPerMwh));
        var revenue = e.RevenuePerYear.Value;
        var fixedCost = (revenue * (1 - cloud.OpexShare)) - e.MarginPerYear.Value;
        return new ConversionTerms(revenue, cloud.OpexShare, fixedCost, 0, a.GpuPriceChangePerYear, e.CapexPerGridMw.Value, a.CloudBuildMonths,
            cloud.GpusPerGridMw * cloud.CapexPerGpu.Value, cloud.UsefulLifeYears, cloud.UsefulLifeYears);
    }
}
