using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HashPivot.Engine.Dispatch;

/// <summary>Exact dispatch by the structure of the model (USD margin): an envelope search per interval when intervals are independent, dynamic programming over tier states when dwell or ramp limits couple them.</summary>
/// <remarks>
/// <para><b>Per-interval economics.</b> Importing X MW costs
/// Δt·(C·Q − p·max(Q − X, 0) + (p + A)·max(X − Q, 0)) + κ·max(X, 0) (block Q at C, price p, adder A, 4CP charge κ per MW).
/// Inside the block one more MW does not change the block payment but forgoes reselling it: the credit
/// p·(Q − X) falls by p, so the marginal price is p. Above the block one more MW is bought at p + A. The cost is
/// therefore convex piecewise-linear with slopes p·Δt + κ below Q and (p + A)·Δt + κ above (A ≥ 0, κ ≥ 0). A tier's
/// value per MW is (hashprice ÷ J/TH × 1000/24 + reserve price⁺)·Δt: reserve is offered on every mining MW when its
/// price is positive, since it only requires that the MW could be shed.</para>
/// <para><b>Independent intervals</b> (no dwell, ramp or battery). A preset combination enters an interval's value
/// only through its total MW M and its revenue weight R = Σ MW ÷ J/TH (× 1000/24), and the supply cost is convex
/// piecewise-linear in M with one kink at the block edge; so each combination is a line in the interval's net MW cost,
/// and the exact optimum under the cap is the upper envelope of those lines, built once per AI level and searched
/// per interval in a few comparisons (<see cref="SeparableSolver"/>).</para>
/// <para><b>Coupled intervals</b> (dwell, ramp). A DP over (preset, time in status) per tier is exact. When no
/// interval lets the cap bind and none straddles the block edge with a positive adder, the cost is linear in each
/// tier's MW and tiers are solved one by one; otherwise one DP runs over the joint state of all tiers, whose size is
/// the product of the tiers' state counts (limit <see cref="MaxJointStates"/>).</para>
/// <para><b>Demand response and mining limits.</b> With deployments, a qualified-MW cap below the fleet (and a positive
/// reserve price) or a per-interval mining limit, intervals are solved over preset combinations by the same DP: the
/// reserve of a combination is min(MW, qualified), and in a deployment the shed R maximises a concave piecewise-linear
/// value, so the best R is one of a handful of breakpoints (<see cref="DemandResponse"/>).</para>
/// <para><b>Battery.</b> The state of charge moves in whole steps (<see cref="Battery"/>: the step is part of the
/// model), so its levels join the tier states and the same DP is exact: status Optimal, gap 0.</para>
/// </remarks>
public sealed class FastDispatchSolver : IDispatchSolver
{
    /// <summary>Largest joint state space (product of tier states, times battery levels) the coupled DP accepts.</summary>
    public const int MaxJointStates = 1 << 16;

    /// <inheritdoc />
    public string Name => "fast-dp";

    /// <inheritdoc />
    public DispatchResult Solve(DispatchProblem problem, DispatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        options ??= DispatchOptions.Default;
        var watch = Stopwatch.StartNew();
        var context = new FastDispatchSolverContext(problem);
        if (problem.Battery is null && !problem.IsTimeCoupled && !context.NeedsCombinations)
        {
            // Independent intervals: solved and priced in one pass, no per-interval preset array.
            var (separableTotals, separableSchedule) = new SeparableSolver(context).Run(options.RecordSchedule);
            return Finish(problem, options, watch, DispatchStatus.Optimal, 0, separableTotals, separableSchedule);
        }

        var presets = new int[problem.Tiers.Length * problem.Count];
        bool feasible;
        double[]? battery = null;
        if (problem.Battery is not null)
        {
            battery = new double[problem.Count];
            feasible = new JointDp(context, presets, battery).Run();
        }
        else if (context.TiersDecouple())
        {
            feasible = true;
            for (var i = 0; i < context.TierCount && feasible; i++)
            {
                feasible = new JointDp(context, presets, null, onlyTier: i).Run();
            }
        }
        else
        {
            feasible = new JointDp(context, presets, null).Run();
        }

        if (!feasible)
        {
            return new DispatchResult(Name, DispatchStatus.Infeasible, double.NaN, double.NaN, watch.Elapsed.TotalMilliseconds, null, null);
        }

        var (totals, schedule) = Price(context, presets, battery, options.RecordSchedule);
        return Finish(problem, options, watch, DispatchStatus.Optimal, 0, totals, schedule);
    }

    private DispatchResult Finish(DispatchProblem problem, DispatchOptions options, Stopwatch watch, DispatchStatus status, double gap, DispatchTotals totals, DispatchSchedule? schedule)
    {
        var rule = options.IncludeStrikeRule ? StrikePriceRule.Run(problem, recordSchedule: false).Totals : null;
        return new DispatchResult(Name, status, totals.MarginUsd, gap, watch.Elapsed.TotalMilliseconds, totals, schedule) { RuleTotals = rule };
    }

    // Turns chosen presets (and battery net MW) into totals and, if asked, a schedule.
    private static (DispatchTotals, DispatchSchedule?) Price(FastDispatchSolverContext c, int[] presets, double[]? batteryNet, bool record)
    {
        var problem = c.Problem;
        var count = problem.Count;
        var n = c.TierCount;
        var acc = new DispatchAccumulator(problem);
        var tierMw = record ? new double[n * count] : null;
        var reserve = record ? new double[count] : null;
        var charge = record ? new double[count] : null;
        var discharge = record ? new double[count] : null;
        var mwOfTier = new double[n];
        var rate = new double[n];
        for (var t = 0; t < count; t++)
        {
            var hashprice = problem.HashpriceAt(t);
            double mining = 0, revenue = 0;
            for (var i = 0; i < n; i++)
            {
                var k = presets[(i * count) + t];
                var mw = c.Steps[i][k];
                mining += mw;
                mwOfTier[i] = mw;
                revenue += hashprice * c.RevenueFactor[i] * mw;
                if (k != c.TopPreset[i])
                {
                    acc.AddCurtailed(i);
                }

                if (tierMw is not null)
                {
                    tierMw[(i * count) + t] = mw;
                }
            }

            revenue *= c.Dt;
            var net = batteryNet?[t] ?? 0;
            var peak = acc.PeakUsdPerMw(t);
            double offered;
            if (acc.IsDeployed(t))
            {
                // The shed the DP chose: the same deterministic search, on the same rates (revenue per MW·Δt).
                c.TierValues(t, rate);
                var load = acc.AiServed(t) + mining + net;
                offered = c.BestShed(t, mwOfTier, rate, mining, load, peak).ShedMw;
                acc.AddDeployed(t, c.Prices[t], peak, mining, revenue - DispatchAccumulator.ShedLoss(mwOfTier, rate, offered), offered, net);
            }
            else
            {
                offered = acc.ReservePrice(t) > 0 ? Math.Min(mining, acc.QualifiedMw) : 0;
                acc.Add(t, c.Prices[t], peak, mining, revenue, offered, net);
            }

            if (record)
            {
                reserve![t] = offered;
                charge![t] = Math.Max(net, 0);
                discharge![t] = Math.Max(-net, 0);
            }
        }

        var schedule = record ? new DispatchSchedule(problem, tierMw!, reserve!, charge!, discharge!) : null;
        return (acc.ToTotals(), schedule);
    }
}

// Everything the algorithms read per interval, unpacked once per solve into arrays.
internal sealed class FastDispatchSolverContext
{
    public FastDispatchSolverContext(DispatchProblem problem)
    {
        Problem = problem;
        Acc = new DispatchAccumulator(problem);
        Prices = ImmutableCollectionsMarshal.AsArray(problem.PricesUsdPerMwh)!;
        Hashprices = problem.HashpriceSeriesUsdPerPhDay.IsDefaultOrEmpty ? null : ImmutableCollectionsMarshal.AsArray(problem.HashpriceSeriesUsdPerPhDay);
        Dt = problem.IntervalHours;
        Cap = problem.GridCap.Value;
        Block = problem.Supply.PpaBlockMw;
        Adder = problem.Supply.Adder.Value;
        TierCount = problem.Tiers.Length;
        Steps = [.. problem.Tiers.Select(t => ImmutableCollectionsMarshal.AsArray(t.PowerStepsMw)!)];
        FullMw = [.. problem.Tiers.Select(t => t.FullPowerMw)];
        TopPreset = [.. problem.Tiers.Select(t => t.PowerStepsMw.Length - 1)];
        RevenueFactor = [.. problem.Tiers.Select(t => 1000 / (24 * t.Efficiency.Value))];
        var combinations = 1L;
        foreach (var steps in Steps)
        {
            combinations *= steps.Length;
        }

        Combinations = combinations <= FastDispatchSolver.MaxJointStates ? (int)combinations : -1;

        // Demand response "binds" when reserve is no longer simply every mining MW: deployments shed it, or the
        // qualified MW cap is below the fleet while some reserve price is positive. Reserve is then valued per
        // combination (min(MW, qualified), or the best shed), not per MW in the tier values.
        var fleet = FullMw.Sum();
        ReserveInCombinations = Acc.HasDeployments
            || (Acc.QualifiedMw < fleet && problem.ReservePricesUsdPerMwh.Any(p => p > 0));
        NeedsCombinations = ReserveInCombinations || Acc.HasMiningLimit;
    }

    /// <summary>True when reserve is valued per preset combination (deployments, or a binding qualified-MW cap).</summary>
    public bool ReserveInCombinations { get; }

    /// <summary>True when intervals must be solved over preset combinations (demand response binds or mining is limited per interval), not by the separable envelopes.</summary>
    public bool NeedsCombinations { get; }

    public DispatchProblem Problem { get; }

    public DispatchAccumulator Acc { get; }

    public double[] Prices { get; }

    public double[]? Hashprices { get; }

    public double Dt { get; }

    public double Cap { get; }

    public double Block { get; }

    public double Adder { get; }

    public int TierCount { get; }

    public double[][] Steps { get; }

    public double[] FullMw { get; }

    public int[] TopPreset { get; }

    public double[] RevenueFactor { get; }

    public int Combinations { get; }

    private double[]? _comboMw;
    private double[]? _comboTotal;

    /// <summary>Value per MW of each tier in interval t (USD/MW): (revenue per MWh + positive reserve price)·Δt; without the reserve when it is valued per combination.</summary>
    public void TierValues(int t, Span<double> value)
    {
        var hashprice = Hashprices is null ? Problem.Hashprice.Value : Hashprices[t];
        var reserve = ReserveInCombinations ? 0 : Math.Max(Acc.ReservePrice(t), 0);
        for (var i = 0; i < value.Length; i++)
        {
            value[i] = ((hashprice * RevenueFactor[i]) + reserve) * Dt;
        }
    }

    /// <summary>True when, in every interval, the cap cannot bind and the supply cost is linear over every reachable load, so tiers can be solved apart.</summary>
    public bool TiersDecouple()
    {
        if (NeedsCombinations)
        {
            return false;
        }

        var full = FullMw.Sum();
        for (var t = 0; t < Problem.Count; t++)
        {
            var ai = Acc.AiServed(t);
            if (ai + full > Cap + 1e-9 || (Adder > 0 && ai < Block && ai + full > Block))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Joint value of every preset combination in interval t (−∞ where it breaks the cap or the mining limit); the per-MW slope is exact because the load stays on one side of the block edge.</summary>
    public void CombinationValues(int t, double batteryNetMw, ReadOnlySpan<double> value, Span<double> result, double peak)
    {
        EnsureCombinations();
        var n = TierCount;
        var ai = Acc.AiServed(t);
        var limit = Acc.MiningLimit(t) + 1e-9;
        var deployed = Acc.IsDeployed(t);
        var reserveValue = ReserveInCombinations ? Math.Max(Acc.ReservePrice(t), 0) * Dt : 0;
        var qualified = Acc.QualifiedMw;
        for (var combo = 0; combo < result.Length; combo++)
        {
            var mining = _comboTotal![combo];
            var load = ai + mining + batteryNetMw;
            if (Math.Abs(load) > Cap + 1e-9 || mining > limit)
            {
                result[combo] = double.NegativeInfinity;
                continue;
            }

            var gain = 0.0;
            for (var i = 0; i < n; i++)
            {
                gain += value[i] * _comboMw![(combo * n) + i];
            }

            if (deployed)
            {
                result[combo] = gain + BestShed(t, _comboMw.AsSpan(combo * n, n), value, mining, load, peak).Value;
                continue;
            }

            result[combo] = gain + (reserveValue * Math.Min(mining, qualified)) - Acc.SupplyCost(Prices[t], load, peak);
        }
    }

    /// <summary>
    /// The reserve R to offer (and shed) in a deployment interval for presets of <paramref name="miningMw"/> at import
    /// <paramref name="loadMw"/> before shedding, and its value: (reserve price + energy payment)·Δt·R − revenue of the
    /// R MW earning least (<paramref name="rate"/>: revenue per MW·Δt) − supply cost at load − R. Every term is concave
    /// piecewise-linear in R, so the maximum over [0, min(mining, qualified, load + cap)] is at 0, that bound, a tier
    /// boundary (cumulative MW, least-earning tier first), the block edge or zero import; ties go to the smaller R.
    /// </summary>
    public (double ShedMw, double Value) BestShed(int t, ReadOnlySpan<double> tierMw, ReadOnlySpan<double> rate, double miningMw, double loadMw, double peak)
    {
        var price = Prices[t];
        var pay = (Acc.ReservePrice(t) + Acc.DeploymentPayment) * Dt;
        var most = Math.Min(Math.Min(miningMw, Acc.QualifiedMw), loadMw + Cap);
        Span<double> candidates = stackalloc double[tierMw.Length + 3];
        candidates[0] = most;
        candidates[1] = loadMw - Block;
        candidates[2] = loadMw;
        var count = 3;
        Span<bool> used = stackalloc bool[tierMw.Length];
        var cumulative = 0.0;
        for (var k = 0; k < tierMw.Length; k++)
        {
            var cheapest = -1;
            for (var i = 0; i < tierMw.Length; i++)
            {
                if (!used[i] && tierMw[i] > 0 && (cheapest < 0 || rate[i] < rate[cheapest]))
                {
                    cheapest = i;
                }
            }

            if (cheapest < 0)
            {
                break;
            }

            used[cheapest] = true;
            cumulative += tierMw[cheapest];
            candidates[count++] = cumulative;
        }

        var bestR = 0.0;
        var best = -Acc.SupplyCost(price, loadMw, peak);
        foreach (var r in candidates[..count])
        {
            if (r > 0 && r <= most)
            {
                var v = (pay * r) - DispatchAccumulator.ShedLoss(tierMw, rate, r) - Acc.SupplyCost(price, loadMw - r, peak);
                if (v > best || (v == best && r < bestR))
                {
                    (bestR, best) = (r, v);
                }
            }
        }

        return (bestR, best);
    }

    /// <summary>Preset of tier i in a combination (mixed radix, tier 0 fastest).</summary>
    public int PresetOfCombination(int combo, int tier)
    {
        for (var i = 0; i < tier; i++)
        {
            combo /= Steps[i].Length;
        }

        return combo % Steps[tier].Length;
    }

    private void EnsureCombinations()
    {
        if (_comboMw is not null)
        {
            return;
        }

        if (Combinations < 0)
        {
            throw new NotSupportedException($"More than {FastDispatchSolver.MaxJointStates} preset combinations across tiers; merge tiers or use fewer presets.");
        }

        var n = TierCount;
        _comboMw = new double[Combinations * n];
        _comboTotal = new double[Combinations];
        for (var combo = 0; combo < Combinations; combo++)
        {
            for (var i = 0; i < n; i++)
            {
                var mw = Steps[i][PresetOfCombination(combo, i)];
                _comboMw[(combo * n) + i] = mw;
                _comboTotal[combo] += mw;
            }
        }
    }
}
