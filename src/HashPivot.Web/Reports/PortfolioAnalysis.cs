using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Sector;
using HashPivot.Engine.Series;
using HashPivot.Engine.Valuation;
using HashPivot.Web.Api;
using HashPivot.Web.Pages.Sections;

namespace HashPivot.Web.Reports;

/// <summary>One site's optimal dispatch over its own hourly price series (USD/MWh), for the analysis report.</summary>
public sealed record SiteDispatchAnalysis(string Site, DispatchDocument Document, TimeSeries Prices, DispatchProblem Problem, DispatchSchedule Schedule);

/// <summary>Everything <c>hashpivot analyze</c> computes for a portfolio: the mine-or-host comparison, each series-priced site's dispatch, the valuation, and the sector view.</summary>
public sealed record PortfolioAnalysis(
    string PortfolioFile,
    CompareDocument Compare,
    IReadOnlyList<SiteDispatchAnalysis> Dispatches,
    IReadOnlyList<string> FixedPriceSites,
    SectorDocument Sector,
    SectorSummary SectorSummary,
    IReadOnlyList<AiBacklogChart.Contract> Backlog,
    ValueDocument Valuation,
    ValuationResult ValuationResult)
{
    /// <summary>Loads the portfolio file and runs the comparison, the dispatch of every site priced from a series (fast exact solver), the Monte-Carlo valuation with the default assumptions, and the sector view as of its latest date.</summary>
    /// <exception cref="InputException">The portfolio or a series it names is invalid (located problems).</exception>
    public static PortfolioAnalysis Run(string portfolioFile, int paths, long seed, Action<string>? step = null)
    {
        ArgumentNullException.ThrowIfNull(portfolioFile);
        step?.Invoke("load portfolio");
        var loaded = PortfolioWithSeries.LoadFile(portfolioFile);
        var portfolio = loaded.Portfolio;
        step?.Invoke("compare mining, lease and GPU cloud per site");
        var compare = CompareDocument.Run(portfolio);

        step?.Invoke($"dispatch the {portfolio.Sites.Count(s => s.Power.IntervalPrices is not null)} series-priced site(s) hour by hour");
        var dispatches = new List<SiteDispatchAnalysis>();
        var fixedSites = new List<string>();
        for (var i = 0; i < portfolio.Sites.Count; i++)
        {
            var site = portfolio.Sites[i];
            if (loaded.SitePrices[i] is not { } prices)
            {
                fixedSites.Add(site.Name);
                continue;
            }

            var quick = DispatchRuns.FromSite(site, portfolio.Network.BtcPrice);

            // The dashboard's form rounds the fleet for display; the report keeps the exact fleet so it agrees with compare.
            (quick.FleetMw, quick.FleetJth) = DispatchRuns.AvailableFleet(site);
            var problem = DispatchRuns.ToSite(quick).ToProblem(prices, portfolio.Network.Hashprice, []);
            var result = new FastDispatchSolver().Solve(problem);
            if (result.Totals is not { } totals || result.Schedule is not { } schedule)
            {
                throw new InvalidOperationException($"site {site.Name}: the dispatch ended {DispatchDocument.StatusName(result.Status)} without a schedule");
            }

            var document = DispatchDocument.From(site.Name, site.Power.Description, $"{portfolio.Network.Hashprice.Value:0.##} USD/PH/day",
                prices, problem, result, totals, null, null);
            dispatches.Add(new SiteDispatchAnalysis(site.Name, document, prices, problem, schedule));
        }

        step?.Invoke($"value every site over {paths:N0} paths (seed {seed})");
        var assumptions = new ValuationAssumptions();
        var request = ValuationInputs.Request(loaded, assumptions, 10, seed);
        var valuation = ValuationEngine.Run(request, paths);
        var inputs = ValuationInputs.InputsJson(File.ReadAllText(portfolioFile), assumptions, 10, paths, seed);

        step?.Invoke("sector view");
        var sector = EmbeddedSector.View(null);
        return new PortfolioAnalysis(portfolioFile, compare, dispatches, fixedSites, sector.Document, sector.Summary,
            SectorSection.CountedBacklog(EmbeddedSector.Data), ValueDocument.From(valuation, RunInputs.Hash(inputs)), valuation);
    }
}
