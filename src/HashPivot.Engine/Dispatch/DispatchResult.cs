using System.Collections.Immutable;

namespace HashPivot.Engine.Dispatch;

/// <summary>How a dispatch solve ended: proven optimal, feasible without proof, optimal for a relaxation only (an upper bound on margin), infeasible, or failed.</summary>
public enum DispatchStatus
{
    /// <summary>The schedule is optimal for the model (within the reported gap).</summary>
    Optimal,

    /// <summary>The schedule is feasible; optimality is not proven (for example a MILP stopped at its time limit).</summary>
    Feasible,

    /// <summary>Optimal for the continuous relaxation (presets and dwell relaxed): its objective bounds the true margin from above, its schedule may use power between presets.</summary>
    RelaxationOptimal,

    /// <summary>No schedule satisfies the constraints (for example a ramp limit that cannot yield to the firm AI load).</summary>
    Infeasible,

    /// <summary>The solver stopped without a usable schedule (time limit, numerical trouble).</summary>
    Failed,
}

/// <summary>Options common to every dispatch solver: whether to keep the per-interval schedule and whether to evaluate the strike-price rule alongside.</summary>
public sealed record DispatchOptions
{
    /// <summary>The defaults: keep the schedule and evaluate the rule.</summary>
    public static DispatchOptions Default { get; } = new();

    /// <summary>Keep the per-interval schedule in the result; off for Monte-Carlo loops that need totals only (no per-interval allocation).</summary>
    public bool RecordSchedule { get; init; } = true;

    /// <summary>Also evaluate the simple strike-price rule on the same inputs (<see cref="StrikePriceRule"/>).</summary>
    public bool IncludeStrikeRule { get; init; } = true;
}

/// <summary>Totals of a dispatch over the horizon: energy (MWh), money (USD), BTC mined and curtailed hours per tier.</summary>
/// <param name="MinedMwh">Energy consumed by mining.</param>
/// <param name="MinedBtc">Mining revenue ÷ BTC price; null when no BTC price was given.</param>
/// <param name="MiningRevenueUsd">Σ MW × Δt × revenue per MWh of the tier.</param>
/// <param name="AiServedMwh">AI energy served.</param>
/// <param name="AiRevenueUsd">AI energy served × AI revenue per MWh.</param>
/// <param name="AiShortfallMwh">AI energy requested but not served (grid cap below the request).</param>
/// <param name="SlaPenaltyUsd">Shortfall × SLA penalty.</param>
/// <param name="ImportMwh">Net grid import (negative intervals are battery export).</param>
/// <param name="EnergyCostUsd">PPA block payments plus purchases above the block at price + adder.</param>
/// <param name="ResoldMwh">Unused block energy (and any export) sold back at the interval price.</param>
/// <param name="PowerCreditsUsd">Proceeds of the energy resold (negative when resold at negative prices).</param>
/// <param name="ReserveMwh">Reserve offered, in MW-hours.</param>
/// <param name="ReserveRevenueUsd">Reserve offered × reserve price.</param>
/// <param name="FourCpChargeUsd">Import at the coincident peaks × rate × 1000 / 4.</param>
/// <param name="CurtailedHoursPerTier">Hours each tier ran below its full power.</param>
/// <param name="MarginUsd">Mining revenue + AI revenue + power credits + reserve revenue + deployment payments − energy cost − 4CP − SLA penalty.</param>
public sealed record DispatchTotals(
    double MinedMwh,
    double? MinedBtc,
    double MiningRevenueUsd,
    double AiServedMwh,
    double AiRevenueUsd,
    double AiShortfallMwh,
    double SlaPenaltyUsd,
    double ImportMwh,
    double EnergyCostUsd,
    double ResoldMwh,
    double PowerCreditsUsd,
    double ReserveMwh,
    double ReserveRevenueUsd,
    double FourCpChargeUsd,
    ImmutableArray<double> CurtailedHoursPerTier,
    double MarginUsd)
{
    /// <summary>Energy shed in reserve deployments (MWh).</summary>
    public double DeployedMwh { get; init; }

    /// <summary>Energy payments for the MWh shed in deployments (USD); part of the margin.</summary>
    public double DeploymentPaymentUsd { get; init; }
}

/// <summary>The outcome of one dispatch solve: solver, status, objective (USD), relative gap, solve time (ms), totals and, if kept, the schedule; plus the strike-price rule's totals on the same inputs.</summary>
/// <param name="Solver">Which solver and backend produced it (for example <c>fast-dp</c>, <c>or-tools/SCIP</c>).</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="ObjectiveUsd">The solver's own objective value, the margin in USD (NaN when no schedule).</param>
/// <param name="RelativeGap">Proven relative gap between objective and bound (0 when proven optimal, NaN when unknown).</param>
/// <param name="SolveMilliseconds">Wall time of the solve, including model building.</param>
/// <param name="Totals">Totals re-evaluated from the schedule by <see cref="DispatchEvaluator"/>; null when no schedule.</param>
/// <param name="Schedule">Per-interval decisions; null when not recorded or no schedule.</param>
public sealed record DispatchResult(
    string Solver,
    DispatchStatus Status,
    double ObjectiveUsd,
    double RelativeGap,
    double SolveMilliseconds,
    DispatchTotals? Totals,
    DispatchSchedule? Schedule)
{
    /// <summary>The strike-price rule's totals on the same inputs; null when not requested.</summary>
    public DispatchTotals? RuleTotals { get; init; }

    /// <summary>The strike-price rule's margin (USD); null when not requested.</summary>
    public double? RuleMarginUsd => RuleTotals?.MarginUsd;

    /// <summary>What optimisation adds over the rule (USD); null when either is missing.</summary>
    public double? GainOverRuleUsd => Totals is { } t && RuleTotals is { } r ? t.MarginUsd - r.MarginUsd : null;
}

/// <summary>Solves the dispatch of a hybrid site (<see cref="DispatchProblem"/>) for maximum margin in USD.</summary>
public interface IDispatchSolver
{
    /// <summary>Short name for reports.</summary>
    string Name { get; }

    /// <summary>Solves the problem; never throws for an infeasible instance (status says so), throws <see cref="ArgumentException"/> for an invalid one.</summary>
    DispatchResult Solve(DispatchProblem problem, DispatchOptions? options = null);
}
