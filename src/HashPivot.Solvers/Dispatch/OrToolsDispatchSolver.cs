using System.Diagnostics;
using Google.OrTools.LinearSolver;
using HashPivot.Engine.Dispatch;

namespace HashPivot.Solvers.Dispatch;

/// <summary>Reference dispatch solver (USD margin): the model as an LP or MILP solved by an OR-Tools MPSolver backend (SCIP, HiGHS, CBC for MILP; GLOP, HiGHS, CLP for the LP relaxation).</summary>
/// <remarks>
/// <para>Per tier and interval one binary per preset (exactly one chosen) gives MW = Σ preset·z; on = Σ z over the
/// non-zero presets. Dwell uses start-up/shut-down variables u ≥ on_t − on_{t−1}, d ≥ on_{t−1} − on_t with
/// Σ_{τ∈(t−U, t]} u_τ ≤ on_t and Σ_{τ∈(t−D, t]} d_τ ≤ 1 − on_t (Rajan–Takriti; u and d may stay continuous because
/// they are integral whenever on is). Ramp: |MW_t − MW_{t−1}| ≤ limit, from 0 MW before the horizon.</para>
/// <para>Import X = AI served + Σ MW + charge − discharge = Q − s + b with s, b ≥ 0 (energy resold, bought above the
/// block), −cap ≤ X ≤ cap; objective terms Δt·p·s − Δt·(p + A)·b, exact because A ≥ 0 makes the cost convex. Reserve
/// R ≤ min(Σ MW, qualified MW) paid Δt·price; in a deployment interval R is shed (X falls by R) as per-tier shares
/// 0 ≤ s_i ≤ MW_i that lose their revenue, paid the energy payment too (<see cref="DemandResponse"/>). Mining limit:
/// Σ MW ≤ limit. 4CP: y ≥ X, y ≥ 0, cost κ·y at the peaks. Battery: whole state-of-charge steps as in
/// <see cref="Battery"/> (integer steps up or down, a binary forbids both at once), level within [0, max], final ≥
/// initial: the same model the fast DP solves exactly.</para>
/// <para>With <c>relax</c> every binary becomes [0, 1]: the result is the continuous relaxation, an upper bound on
/// the margin (status <see cref="DispatchStatus.RelaxationOptimal"/>).</para>
/// </remarks>
public sealed class OrToolsDispatchSolver : IDispatchSolver
{
    private readonly string _backend;
    private readonly bool _relax;
    private readonly TimeSpan _timeLimit;

    /// <summary>Creates the solver on an MPSolver backend id ("SCIP", "HIGHS", "CBC", or "GLOP"/"CLP"/"PDLP", which imply <paramref name="relax"/>).</summary>
    public OrToolsDispatchSolver(string backend = "SCIP", bool relax = false, TimeSpan? timeLimit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backend);
        _backend = backend;
        _relax = relax || backend is "GLOP" or "CLP" or "PDLP";
        _timeLimit = timeLimit ?? TimeSpan.FromMinutes(2);
    }

    /// <inheritdoc />
    public string Name => $"or-tools/{_backend}{(_relax ? "-lp" : string.Empty)}";

    /// <inheritdoc />
    public DispatchResult Solve(DispatchProblem problem, DispatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        options ??= DispatchOptions.Default;
        var watch = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver(_backend)
            ?? throw new InvalidOperationException($"OR-Tools backend '{_backend}' is not available.");
        solver.SuppressOutput();
        solver.SetNumThreads(1);
        solver.SetTimeLimit((long)_timeLimit.TotalMilliseconds);

        var model = new Model(problem, solver, _relax);
        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        var status = solver.Solve(parameters);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var mapped = status switch
        {
            Solver.ResultStatus.OPTIMAL => _relax ? DispatchStatus.RelaxationOptimal : DispatchStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => DispatchStatus.Feasible,
            Solver.ResultStatus.INFEASIBLE => DispatchStatus.Infeasible,
            _ => DispatchStatus.Failed,
        };
        if (mapped is DispatchStatus.Infeasible or DispatchStatus.Failed)
        {
            return new DispatchResult(Name, mapped, double.NaN, double.NaN, elapsed, null, null);
        }

        var objective = solver.Objective().Value() + model.Constant;
        var gap = _relax ? 0 : Math.Abs(solver.Objective().BestBound() + model.Constant - objective) / Math.Max(Math.Abs(objective), 1e-9);
        if (mapped == DispatchStatus.Optimal)
        {
            // The backend proves optimality to its own gap; report the tighter of its claim and the bound it returns.
            gap = Math.Min(gap, 1e-9);
        }

        var schedule = model.Schedule(snapToPresets: !_relax);
        var totals = DispatchEvaluator.Evaluate(problem, schedule);
        var rule = options.IncludeStrikeRule ? StrikePriceRule.Run(problem, recordSchedule: false).Totals : null;
        return new DispatchResult(Name, mapped, objective, gap, watch.Elapsed.TotalMilliseconds, totals, options.RecordSchedule ? schedule : null)
        {
            RuleTotals = rule,
        };
    }

    // The variables and constraints of one problem, and how to read a schedule back.
    private sealed class Model
    {
        private readonly DispatchProblem _problem;
        private readonly Variable[][][] _z; // [tier][t][preset]
        private readonly Variable?[] _reserve;
        private readonly (Variable Steps, double MwPerStep)?[] _charge;
        private readonly (Variable Steps, double MwPerStep)?[] _discharge;

        public Model(DispatchProblem problem, Solver solver, bool relax)
        {
            _problem = problem;
            var count = problem.Count;
            var dt = problem.IntervalHours;
            var cap = problem.GridCap.Value;
            var supply = problem.Supply;
            var objective = solver.Objective();
            objective.SetMaximization();
            var tiers = problem.Tiers;
            _z = new Variable[tiers.Length][][];
            _reserve = new Variable?[count];
            _charge = new (Variable, double)?[count];
            _discharge = new (Variable, double)?[count];
            var peaks = problem.FourCp?.Intervals.ToHashSet() ?? [];
            var peakUsdPerMw = problem.FourCp?.UsdPerMwAtPeak ?? 0;

            // Import balance per interval: Σ MW + charge − discharge + s − b = Q − AI served, with −cap ≤ X ≤ cap.
            var balance = new Constraint[count];
            var capRow = new Constraint[count];
            var reserveRow = new Constraint?[count];
            var lowRow = new Constraint?[count];   // deployment: import after shedding ≥ −cap (capRow then bounds the presets' import above)
            var shedRow = new Constraint?[count];  // deployment: Σ tier shed = reserve
            var limitRow = new Constraint?[count]; // Σ MW ≤ mining limit
            var deployed = new bool[count];
            foreach (var d in problem.DemandResponse?.DeploymentIntervals ?? [])
            {
                deployed[d] = true;
            }

            var qualified = problem.DemandResponse?.QualifiedMw ?? double.PositiveInfinity;
            var deploymentPayment = problem.DemandResponse?.DeploymentPayment.Value ?? 0;
            for (var t = 0; t < count; t++)
            {
                var ai = problem.Ai is { } load ? Math.Min(load.ProfileMw[t], cap) : 0;
                var price = problem.PricesUsdPerMwh[t];
                Constant += (problem.Ai?.Revenue.Value ?? 0) * ai * dt;
                Constant -= (problem.Ai?.SlaPenalty.Value ?? 0) * ((problem.Ai?.ProfileMw[t] ?? 0) - ai) * dt;
                Constant -= supply.PpaPrice.Value * supply.PpaBlockMw * dt;

                balance[t] = solver.MakeConstraint(supply.PpaBlockMw - ai, supply.PpaBlockMw - ai, $"balance_{t}");
                capRow[t] = solver.MakeConstraint(-cap - ai, cap - ai, $"cap_{t}");
                var resold = solver.MakeNumVar(0, double.PositiveInfinity, $"s_{t}");
                var bought = solver.MakeNumVar(0, double.PositiveInfinity, $"b_{t}");
                balance[t].SetCoefficient(resold, 1);
                balance[t].SetCoefficient(bought, -1);
                objective.SetCoefficient(resold, price * dt);
                objective.SetCoefficient(bought, -(price + supply.Adder.Value) * dt);

                if (!problem.MiningLimitMw.IsDefaultOrEmpty)
                {
                    limitRow[t] = solver.MakeConstraint(double.NegativeInfinity, problem.MiningLimitMw[t], $"limit_{t}");
                }

                // Reserve R ≤ min(Σ MW, qualified). In a deployment R is shed: import falls by R, Σ tier shed = R, the
                // presets' import stays ≤ cap (capRow) and the import after shedding ≥ −cap (lowRow).
                var reservePrice = problem.ReservePricesUsdPerMwh.IsDefaultOrEmpty ? 0 : problem.ReservePricesUsdPerMwh[t];
                Variable? reserve = null;
                if (reservePrice > 0 || deployed[t])
                {
                    reserve = solver.MakeNumVar(0, qualified, $"r_{t}");
                    objective.SetCoefficient(reserve, (reservePrice + (deployed[t] ? deploymentPayment : 0)) * dt);
                    reserveRow[t] = solver.MakeConstraint(double.NegativeInfinity, 0, $"reserve_{t}");
                    reserveRow[t]!.SetCoefficient(reserve, 1);
                    _reserve[t] = reserve;
                }

                if (deployed[t])
                {
                    balance[t].SetCoefficient(reserve, -1);
                    capRow[t].SetBounds(double.NegativeInfinity, cap - ai);
                    lowRow[t] = solver.MakeConstraint(-cap - ai, double.PositiveInfinity, $"low_{t}");
                    lowRow[t]!.SetCoefficient(reserve, -1);
                    shedRow[t] = solver.MakeConstraint(0, 0, $"shed_{t}");
                    shedRow[t]!.SetCoefficient(reserve, -1);
                }

                if (peaks.Contains(t) && peakUsdPerMw > 0)
                {
                    // y ≥ X = AI + Σ MW − shed + charge − discharge  ⇔  Σ MW − shed + charge − discharge − y ≤ −AI.
                    var y = solver.MakeNumVar(0, double.PositiveInfinity, $"peak_{t}");
                    objective.SetCoefficient(y, -peakUsdPerMw);
                    var row = solver.MakeConstraint(double.NegativeInfinity, -ai, $"peakrow_{t}");
                    row.SetCoefficient(y, -1);
                    if (deployed[t])
                    {
                        row.SetCoefficient(reserve, -1);
                    }

                    Peak[t] = row;
                }
            }

            for (var i = 0; i < tiers.Length; i++)
            {
                var tier = tiers[i];
                var steps = tier.PowerStepsMw;
                _z[i] = new Variable[count][];
                Variable[]? up = null, down = null;
                var dwell = tier.MinOnIntervals > 1 || tier.MinOffIntervals > 1;
                if (dwell)
                {
                    up = new Variable[count];
                    down = new Variable[count];
                }

                for (var t = 0; t < count; t++)
                {
                    var revenue = tier.RevenueUsdPerMwh(problem.HashpriceAt(t)) * dt;
                    var one = solver.MakeConstraint(1, 1, $"one_{i}_{t}");
                    _z[i][t] = new Variable[steps.Length];
                    Constraint? tierShedRow = null;
                    if (shedRow[t] is { } shedSum)
                    {
                        // This tier's share of the shed: 0 ≤ s ≤ its MW, losing its revenue per MWh.
                        var shed = solver.MakeNumVar(0, double.PositiveInfinity, $"shed_{i}_{t}");
                        objective.SetCoefficient(shed, -revenue);
                        shedSum.SetCoefficient(shed, 1);
                        tierShedRow = solver.MakeConstraint(double.NegativeInfinity, 0, $"tiershed_{i}_{t}");
                        tierShedRow.SetCoefficient(shed, 1);
                    }

                    for (var k = 0; k < steps.Length; k++)
                    {
                        var z = relax ? solver.MakeNumVar(0, 1, $"z_{i}_{t}_{k}") : solver.MakeBoolVar($"z_{i}_{t}_{k}");
                        _z[i][t][k] = z;
                        one.SetCoefficient(z, 1);
                        var mw = steps[k];
                        if (mw == 0)
                        {
                            continue;
                        }

                        objective.SetCoefficient(z, revenue * mw);
                        balance[t].SetCoefficient(z, mw);
                        capRow[t].SetCoefficient(z, mw);
                        reserveRow[t]?.SetCoefficient(z, -mw);
                        lowRow[t]?.SetCoefficient(z, mw);
                        limitRow[t]?.SetCoefficient(z, mw);
                        tierShedRow?.SetCoefficient(z, -mw);
                        if (Peak.TryGetValue(t, out var peakRow))
                        {
                            peakRow.SetCoefficient(z, mw);
                        }
                    }

                    if (tier.RampLimitMwPerInterval < tier.FullPowerMw)
                    {
                        // MW_t − MW_{t−1} within ±limit (MW_{−1} = 0).
                        var ramp = solver.MakeConstraint(-tier.RampLimitMwPerInterval, tier.RampLimitMwPerInterval, $"ramp_{i}_{t}");
                        for (var k = 1; k < steps.Length; k++)
                        {
                            ramp.SetCoefficient(_z[i][t][k], steps[k]);
                            if (t > 0)
                            {
                                ramp.SetCoefficient(_z[i][t - 1][k], -steps[k]);
                            }
                        }
                    }

                    if (dwell)
                    {
                        // u_t ≥ on_t − on_{t−1}, d_t ≥ on_{t−1} − on_t, with on = 1 − z(preset 0) and on_{−1} = 0.
                        up![t] = solver.MakeNumVar(0, 1, $"u_{i}_{t}");
                        down![t] = solver.MakeNumVar(0, 1, $"d_{i}_{t}");
                        var upRow = solver.MakeConstraint(t == 0 ? 1 : 0, double.PositiveInfinity, $"up_{i}_{t}");
                        upRow.SetCoefficient(up[t], 1);
                        upRow.SetCoefficient(_z[i][t][0], 1); // u − on_t + on_{t−1} ≥ 0 with on = 1 − z0
                        var downRow = solver.MakeConstraint(t == 0 ? -1 : 0, double.PositiveInfinity, $"down_{i}_{t}");
                        downRow.SetCoefficient(down[t], 1);
                        downRow.SetCoefficient(_z[i][t][0], -1);
                        if (t > 0)
                        {
                            upRow.SetCoefficient(_z[i][t - 1][0], -1);
                            downRow.SetCoefficient(_z[i][t - 1][0], 1);
                        }

                        if (tier.MinOnIntervals > 1)
                        {
                            // Σ_{τ∈(t−U, t]} u_τ ≤ on_t = 1 − z0_t.
                            var row = solver.MakeConstraint(double.NegativeInfinity, 1, $"minon_{i}_{t}");
                            row.SetCoefficient(_z[i][t][0], 1);
                            for (var tau = Math.Max(0, t - tier.MinOnIntervals + 1); tau <= t; tau++)
                            {
                                row.SetCoefficient(up[tau], 1);
                            }
                        }

                        if (tier.MinOffIntervals > 1)
                        {
                            // Σ_{τ∈(t−D, t]} d_τ ≤ 1 − on_t = z0_t.
                            var row = solver.MakeConstraint(double.NegativeInfinity, 0, $"minoff_{i}_{t}");
                            row.SetCoefficient(_z[i][t][0], -1);
                            for (var tau = Math.Max(0, t - tier.MinOffIntervals + 1); tau <= t; tau++)
                            {
                                row.SetCoefficient(down[tau], 1);
                            }
                        }
                    }

                }
            }

            if (problem.Battery is { IsActive: true } battery)
            {
                // Whole steps (Battery): up_t ∈ [0, maxUp] steps charged, down_t ∈ [0, maxDown] discharged, a binary
                // mode forbids both at once; level_t = level_{t−1} + up_t − down_t within [0, maxLevel], final ≥ initial.
                var maxUp = battery.MaxChargeSteps(dt);
                var maxDown = battery.MaxDischargeSteps(dt);
                var chargePerStep = battery.ChargeMw(1, dt);
                var dischargePerStep = battery.DischargeMw(1, dt);
                Variable? previous = null;
                for (var t = 0; t < count; t++)
                {
                    var up = relax ? solver.MakeNumVar(0, maxUp, $"up_{t}") : solver.MakeIntVar(0, maxUp, $"up_{t}");
                    var down = relax ? solver.MakeNumVar(0, maxDown, $"down_{t}") : solver.MakeIntVar(0, maxDown, $"down_{t}");
                    var charging = relax ? solver.MakeNumVar(0, 1, $"mode_{t}") : solver.MakeBoolVar($"mode_{t}");
                    var upRow = solver.MakeConstraint(double.NegativeInfinity, 0, $"upmode_{t}");
                    upRow.SetCoefficient(up, 1);
                    upRow.SetCoefficient(charging, -maxUp);
                    var downRow = solver.MakeConstraint(double.NegativeInfinity, maxDown, $"downmode_{t}");
                    downRow.SetCoefficient(down, 1);
                    downRow.SetCoefficient(charging, maxDown);

                    var lower = t == count - 1 ? battery.InitialLevel : 0;
                    var level = solver.MakeNumVar(lower, battery.MaxLevel, $"level_{t}");
                    var initial = previous is null ? battery.InitialLevel : 0;
                    var row = solver.MakeConstraint(initial, initial, $"level_{t}");
                    row.SetCoefficient(level, 1);
                    row.SetCoefficient(up, -1);
                    row.SetCoefficient(down, 1);
                    if (previous is not null)
                    {
                        row.SetCoefficient(previous, -1);
                    }

                    foreach (var (variable, mw) in new[] { (up, chargePerStep), (down, -dischargePerStep) })
                    {
                        balance[t].SetCoefficient(variable, mw);
                        capRow[t].SetCoefficient(variable, mw);
                        lowRow[t]?.SetCoefficient(variable, mw);
                        if (Peak.TryGetValue(t, out var peakRow))
                        {
                            peakRow.SetCoefficient(variable, mw);
                        }
                    }

                    _charge[t] = (up, chargePerStep);
                    _discharge[t] = (down, dischargePerStep);
                    previous = level;
                }
            }
        }

        /// <summary>Objective terms that do not depend on decisions: AI revenue, SLA penalty, block payment (USD).</summary>
        public double Constant { get; private set; }

        private Dictionary<int, Constraint> Peak { get; } = [];

        public DispatchSchedule Schedule(bool snapToPresets)
        {
            var count = _problem.Count;
            var tiers = _problem.Tiers;
            var tierMw = new double[tiers.Length * count];
            for (var i = 0; i < tiers.Length; i++)
            {
                var steps = tiers[i].PowerStepsMw;
                for (var t = 0; t < count; t++)
                {
                    var z = _z[i][t];
                    double mw = 0;
                    if (snapToPresets)
                    {
                        var best = 0;
                        for (var k = 1; k < z.Length; k++)
                        {
                            best = z[k].SolutionValue() > z[best].SolutionValue() ? k : best;
                        }

                        mw = steps[best];
                    }
                    else
                    {
                        for (var k = 1; k < z.Length; k++)
                        {
                            mw += steps[k] * z[k].SolutionValue();
                        }
                    }

                    tierMw[(i * count) + t] = mw;
                }
            }

            var reserve = new double[count];
            var charge = new double[count];
            var discharge = new double[count];
            for (var t = 0; t < count; t++)
            {
                var mining = 0.0;
                for (var i = 0; i < tiers.Length; i++)
                {
                    mining += tierMw[(i * count) + t];
                }

                reserve[t] = Math.Clamp(_reserve[t]?.SolutionValue() ?? 0, 0, Math.Min(mining, _problem.DemandResponse?.QualifiedMw ?? double.PositiveInfinity));
                charge[t] = Steps(_charge[t], snapToPresets);
                discharge[t] = Steps(_discharge[t], snapToPresets);
            }

            return DispatchSchedule.FromDecisions(_problem, tierMw, reserve, charge, discharge);
        }

        // Battery MW of a step variable: whole steps (rounded, as the MILP's integers carry solver tolerance) unless relaxed.
        private static double Steps((Variable Steps, double MwPerStep)? battery, bool whole)
        {
            if (battery is not { } b)
            {
                return 0;
            }

            var steps = Math.Max(b.Steps.SolutionValue(), 0);
            return (whole ? Math.Round(steps) : steps) * b.MwPerStep;
        }
    }
}
