using System.Collections.Immutable;

namespace HashPivot.Engine.Dispatch;

/// <summary>A 4CP forecast rule: in every interval whose system-load forecast (MW) is above a threshold (MW), mining is curtailed to a set level (MW, 0 by default).</summary>
/// <param name="SystemLoadForecastMw">Forecast system load per interval (MW); NaN where no forecast exists (never curtailed there).</param>
/// <param name="ThresholdMw">Curtail when the forecast is strictly above this.</param>
public sealed record FourCpForecastRule(ImmutableArray<double> SystemLoadForecastMw, double ThresholdMw)
{
    /// <summary>Most mining MW allowed in a curtailed interval (0: all miners off).</summary>
    public double CurtailToMw { get; init; }

    /// <summary>The intervals the rule curtails: forecast above the threshold, in increasing order.</summary>
    public ImmutableArray<int> CurtailedIntervals()
    {
        var curtailed = ImmutableArray.CreateBuilder<int>();
        for (var t = 0; t < SystemLoadForecastMw.Length; t++)
        {
            if (SystemLoadForecastMw[t] > ThresholdMw)
            {
                curtailed.Add(t);
            }
        }

        return curtailed.ToImmutable();
    }
}

/// <summary>What a 4CP forecast rule earned: the intervals it curtailed, the actual peaks billed, the dispatch under the rule (totals billed at the actual peaks, USD) and the margin of perfect foresight (USD).</summary>
/// <param name="CurtailedIntervals">Intervals the rule curtailed (forecast above the threshold).</param>
/// <param name="PeakIntervals">The actual 4CP intervals the transmission charge is billed at.</param>
/// <param name="Result">The optimal dispatch under the rule, without knowledge of the actual peaks, with totals re-evaluated at them.</param>
/// <param name="PerfectForesightMarginUsd">Margin of the optimal dispatch that knows the actual peaks (no rule).</param>
public sealed record FourCpRuleResult(ImmutableArray<int> CurtailedIntervals, ImmutableArray<int> PeakIntervals, DispatchResult Result, double PerfectForesightMarginUsd)
{
    /// <summary>The mining limit per interval (MW) the rule imposed, as passed to the solver (the fleet's MW where not curtailed).</summary>
    public ImmutableArray<double> MiningLimitMw { get; init; } = [];

    /// <summary>4CP charge of the rule's schedule at the actual peaks (USD); NaN when no schedule.</summary>
    public double FourCpChargeUsd => Result.Totals?.FourCpChargeUsd ?? double.NaN;

    /// <summary>What perfect foresight earns above the rule (USD, ≥ 0 up to solver tolerance); NaN when no schedule.</summary>
    public double MarginVsPerfectForesightUsd => PerfectForesightMarginUsd - (Result.Totals?.MarginUsd ?? double.NaN);
}

/// <summary>ERCOT 4CP helpers: the actual peaks of a system-load series and the dispatch of a site under a forecast rule, billed at the actual peaks.</summary>
public static class FourCpRule
{
    /// <summary>The four summer months whose peaks set the charge: June to September (domain.md §4.1).</summary>
    public static readonly ImmutableArray<int> SummerMonths = [6, 7, 8, 9];

    /// <summary>
    /// The interval of the highest system load (MW) in each of June–September present in the series, in increasing
    /// order; <paramref name="monthOfInterval"/> gives each interval's month (1–12) in the grid operator's local time.
    /// NaN loads are skipped; the first interval wins a tie.
    /// </summary>
    public static ImmutableArray<int> MonthlySummerPeaks(ReadOnlySpan<double> systemLoadMw, ReadOnlySpan<int> monthOfInterval)
    {
        if (systemLoadMw.Length != monthOfInterval.Length)
        {
            throw new ArgumentException("One month per load value is needed.", nameof(monthOfInterval));
        }

        var peaks = new List<int>();
        foreach (var month in SummerMonths)
        {
            var best = -1;
            for (var t = 0; t < systemLoadMw.Length; t++)
            {
                if (monthOfInterval[t] == month && !double.IsNaN(systemLoadMw[t]) && (best < 0 || systemLoadMw[t] > systemLoadMw[best]))
                {
                    best = t;
                }
            }

            if (best >= 0)
            {
                peaks.Add(best);
            }
        }

        return [.. peaks.Order()];
    }

    /// <summary>
    /// Dispatches <paramref name="problem"/> under the rule and bills it at the actual peaks: the solver sees no 4CP
    /// charge (it does not know the peaks) but mining is limited to <see cref="FourCpForecastRule.CurtailToMw"/> in
    /// the curtailed intervals; the schedule is then priced with the problem's actual <see cref="DispatchProblem.FourCp"/>.
    /// Perfect foresight is the same solver on the problem as given (peaks known, no rule). The strike-price rule, if
    /// asked for, runs on the problem as given.
    /// </summary>
    /// <exception cref="ArgumentException">The problem has no 4CP charge (the actual peaks and rate), or the forecast does not have one value per interval.</exception>
    public static FourCpRuleResult Run(IDispatchSolver solver, DispatchProblem problem, FourCpForecastRule rule, DispatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rule);
        options ??= DispatchOptions.Default;
        if (problem.FourCp is not { } actual)
        {
            throw new ArgumentException("The problem must carry the actual 4CP intervals and rate.", nameof(problem));
        }

        if (rule.SystemLoadForecastMw.IsDefault || rule.SystemLoadForecastMw.Length != problem.Count)
        {
            throw new ArgumentException($"The forecast must have one value per interval ({problem.Count}).", nameof(rule));
        }

        if (!(rule.CurtailToMw >= 0) || !double.IsFinite(rule.CurtailToMw))
        {
            throw new ArgumentException($"The curtailment level must be finite and not negative, not {rule.CurtailToMw}.", nameof(rule));
        }

        // Outside the curtailed intervals the limit is the whole fleet (never binding) or the problem's own limit.
        var fleet = problem.Tiers.Sum(t => t.FullPowerMw);
        var limits = new double[problem.Count];
        for (var t = 0; t < limits.Length; t++)
        {
            limits[t] = problem.MiningLimitMw.IsDefaultOrEmpty ? fleet : problem.MiningLimitMw[t];
        }

        var curtailed = rule.CurtailedIntervals();
        foreach (var t in curtailed)
        {
            limits[t] = Math.Min(limits[t], rule.CurtailToMw);
        }

        var billed = problem with { MiningLimitMw = [.. limits] };
        var solved = solver.Solve(billed with { FourCp = null }, options with { RecordSchedule = true, IncludeStrikeRule = false });
        var perfect = solver.Solve(problem, new DispatchOptions { RecordSchedule = false, IncludeStrikeRule = false });
        var strike = options.IncludeStrikeRule ? StrikePriceRule.Run(problem, recordSchedule: false).Totals : null;
        if (solved.Schedule is not { } schedule)
        {
            return new FourCpRuleResult(curtailed, [.. actual.Intervals.Order()], solved with { RuleTotals = strike }, perfect.Totals?.MarginUsd ?? double.NaN)
            {
                MiningLimitMw = billed.MiningLimitMw,
            };
        }

        var totals = DispatchEvaluator.Evaluate(billed, schedule);
        var result = solved with
        {
            ObjectiveUsd = totals.MarginUsd,
            Totals = totals,
            Schedule = options.RecordSchedule ? schedule : null,
            RuleTotals = strike,
        };
        return new FourCpRuleResult(curtailed, [.. actual.Intervals.Order()], result, perfect.Totals?.MarginUsd ?? double.NaN)
        {
            MiningLimitMw = billed.MiningLimitMw,
        };
    }
}
