using System.Runtime.InteropServices;

namespace HashPivot.Engine.Dispatch;

/// <summary>The simple strike-price rule operators use today: a tier runs at full power iff the interval price (USD/MWh) is at or below its strike; no reserve, no 4CP awareness, battery idle; it respects the grid cap and any per-interval mining limit.</summary>
/// <remarks>
/// The strike is the tier's <see cref="MiningTier.StrikePrice"/>, or its break-even (revenue per MWh) in that interval.
/// Tiers claim the grid headroom left after AI in the order listed; where dwell or ramp limits forbid the jump the
/// tier moves to the allowed preset closest to its target, and where the cap forbids full power it takes the
/// largest allowed preset that fits. The result is a feasible schedule of the same model whenever one exists along
/// that path, so an optimal solver can never earn less.
/// </remarks>
public static class StrikePriceRule
{
    /// <summary>The rule's schedule (when <paramref name="recordSchedule"/>) and totals on the problem.</summary>
    public static (DispatchTotals Totals, DispatchSchedule? Schedule) Run(DispatchProblem problem, bool recordSchedule = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var count = problem.Count;
        var tiers = problem.Tiers;
        var n = tiers.Length;
        var acc = new DispatchAccumulator(problem);
        var dt = problem.IntervalHours;
        var cap = problem.GridCap.Value;
        var prices = ImmutableCollectionsMarshal.AsArray(problem.PricesUsdPerMwh)!;
        var tierMw = recordSchedule ? new double[n * count] : null;
        var preset = new int[n];
        var run = new int[n];
        Array.Fill(run, int.MaxValue / 2);
        for (var t = 0; t < count; t++)
        {
            var price = prices[t];
            var hashprice = problem.HashpriceAt(t);
            var headroom = Math.Min(cap - acc.AiServed(t), acc.MiningLimit(t)); // both budgets shrink by each MW mined
            var mining = 0.0;
            var revenue = 0.0;
            for (var i = 0; i < n; i++)
            {
                var tier = tiers[i];
                var steps = tier.PowerStepsMw;
                var revenuePerMwh = tier.RevenueUsdPerMwh(hashprice);
                var strike = tier.StrikePrice?.Value ?? revenuePerMwh;
                var target = price <= strike ? steps[^1] : 0;
                var chosen = -1;
                for (var k = 0; k < steps.Length; k++)
                {
                    if (!Allowed(tier, preset[i], run[i], k) || steps[k] > headroom + 1e-9)
                    {
                        continue;
                    }

                    if (chosen < 0 || Math.Abs(steps[k] - target) < Math.Abs(steps[chosen] - target))
                    {
                        chosen = k;
                    }
                }

                if (chosen < 0)
                {
                    // Nothing allowed fits under the cap: keep the lowest allowed preset; the schedule then breaks the
                    // cap, which only happens when ramp or dwell cannot yield to the AI load (the model is infeasible there too).
                    chosen = Enumerable.Range(0, steps.Length).First(k => Allowed(tier, preset[i], run[i], k));
                }

                run[i] = (chosen > 0) == (preset[i] > 0) ? run[i] + 1 : 1;
                preset[i] = chosen;
                var mw = steps[chosen];
                headroom -= mw;
                mining += mw;
                revenue += revenuePerMwh * mw * dt;
                if (chosen < steps.Length - 1)
                {
                    acc.AddCurtailed(i);
                }

                if (tierMw is not null)
                {
                    tierMw[(i * count) + t] = mw;
                }
            }

            acc.Add(t, price, acc.PeakUsdPerMw(t), mining, revenue, 0, 0);
        }

        var schedule = tierMw is null ? null : new DispatchSchedule(problem, tierMw, new double[count], new double[count], new double[count]);
        return (acc.ToTotals(), schedule);
    }

    private static bool Allowed(MiningTier tier, int from, int run, int to)
    {
        var steps = tier.PowerStepsMw;
        if (Math.Abs(steps[to] - steps[from]) > tier.RampLimitMwPerInterval + TierStates.RampSlackMw)
        {
            return false;
        }

        var wasOn = from > 0;
        return wasOn == (to > 0) || run >= (wasOn ? tier.MinOnIntervals : tier.MinOffIntervals);
    }
}
