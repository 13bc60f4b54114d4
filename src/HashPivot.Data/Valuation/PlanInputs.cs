using HashPivot.Engine.Planning;
using HashPivot.Engine.Valuation;

namespace HashPivot.Data.Valuation;

/// <summary>Turns a valuation into a planning problem: every strategy of every site is an option with its build capex (USD), the debt it draws and its per-path NPV.</summary>
public static class PlanInputs
{
    /// <summary>
    /// The options: keep mining (no capex) and each conversion and start year, costing capex per MW × convertible MW (× the leased share for
    /// the hybrid), undiscounted, whatever the year; GPU refreshes are paid from the conversion's own cash flows and not counted against the budget.
    /// </summary>
    public static PlanningProblem Problem(ValuationResult result, double budgetUsd, double? financingLimitUsd, double? p5FloorUsd)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = result.Request;
        var strategies = Strategy.Count(request.Years);
        var sites = request.Sites.Select((site, s) => new PlanSite(site.Name, Enumerable.Range(0, strategies).Select(k =>
        {
            var strategy = Strategy.At(k, request.Years);
            var capex = strategy.Kind switch
            {
                StrategyKind.Mine => 0,
                StrategyKind.Cloud => site.Cloud.CapexUsdPerMw * site.ConvertibleMw,
                StrategyKind.Hybrid => site.Lease.CapexUsdPerMw * site.ConvertibleMw * request.HybridLeaseShare,
                _ => site.Lease.CapexUsdPerMw * site.ConvertibleMw,
            };
            return new PlanOption(strategy.Label, capex, capex * request.Financing.DebtShareOfCapex, result.NpvBySiteStrategy[(s * strategies) + k]);
        }).ToList())).ToList();
        return new PlanningProblem(sites, budgetUsd, financingLimitUsd, p5FloorUsd);
    }
}
