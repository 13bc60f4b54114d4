using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>What <c>hashpivot dispatch --json</c> and <c>POST /api/v1/dispatch</c> answer: how the solve ended, the money (USD) and energy (MWh) totals, curtailed hours per tier and the strike-price rule's margin; key names are documented in the README.</summary>
public sealed record DispatchDocument(
    string Site,
    string Prices,
    string Hashprice,
    string Solver,
    string Status,
    double? Gap,
    double SolveMs,
    int Intervals,
    double IntervalMinutes,
    string StartUtc,
    string EndUtc,
    double MarginUsd,
    double MiningRevenueUsd,
    double AiRevenueUsd,
    double PowerCreditsUsd,
    double ReserveRevenueUsd,
    double EnergyCostUsd,
    double FourCpChargeUsd,
    double SlaPenaltyUsd,
    double MinedMwh,
    double? MinedBtc,
    double AiServedMwh,
    double AiShortfallMwh,
    double ImportMwh,
    double ResoldMwh,
    double ReserveMwh,
    IReadOnlyDictionary<string, double> CurtailedHours,
    double? RuleMarginUsd,
    double? GainOverRuleUsd,
    string? SchedulePath,
    string? ChartPath)
{
    /// <summary>Energy shed in reserve deployments (MWh).</summary>
    public double DeployedMwh { get; init; }

    /// <summary>Energy payments for the MWh shed in deployments (USD); part of the margin.</summary>
    public double DeploymentPaymentUsd { get; init; }

    /// <summary>The 4CP forecast rule's outcome when one was run (<c>--4cp-threshold-mw</c>); the totals above are then the rule's schedule billed at the actual peaks.</summary>
    public DispatchFourCpRuleDocument? FourCpRule { get; init; }

    /// <summary>The document of a finished solve.</summary>
    public static DispatchDocument From(
        string site, string prices, string hashprice, TimeSeries series, DispatchProblem problem, DispatchResult result, DispatchTotals totals,
        string? schedulePath, string? chartPath)
    {
        var curtailed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Tiers.Length; i++)
        {
            curtailed[problem.Tiers[i].Name] = totals.CurtailedHoursPerTier[i];
        }

        return new DispatchDocument(
            site, prices, hashprice, result.Solver, StatusName(result.Status), JsonNumbers.Finite(result.RelativeGap), result.SolveMilliseconds,
            problem.Count, problem.Interval.TotalMinutes, Utc(series.Start), Utc(series.End),
            totals.MarginUsd, totals.MiningRevenueUsd, totals.AiRevenueUsd, totals.PowerCreditsUsd, totals.ReserveRevenueUsd,
            totals.EnergyCostUsd, totals.FourCpChargeUsd, totals.SlaPenaltyUsd,
            totals.MinedMwh, totals.MinedBtc, totals.AiServedMwh, totals.AiShortfallMwh, totals.ImportMwh, totals.ResoldMwh, totals.ReserveMwh,
            curtailed, result.RuleMarginUsd, result.GainOverRuleUsd, schedulePath, chartPath)
        {
            DeployedMwh = totals.DeployedMwh,
            DeploymentPaymentUsd = totals.DeploymentPaymentUsd,
        };
    }

    /// <summary>The status as a snake_case word: <c>optimal</c>, <c>feasible</c>, <c>relaxation_optimal</c>, <c>infeasible</c>, <c>failed</c>.</summary>
    public static string StatusName(DispatchStatus status) => status switch
    {
        DispatchStatus.Optimal => "optimal",
        DispatchStatus.Feasible => "feasible",
        DispatchStatus.RelaxationOptimal => "relaxation_optimal",
        DispatchStatus.Infeasible => "infeasible",
        _ => "failed",
    };

    /// <summary>The document part of a 4CP rule run: threshold and curtailment level (MW), intervals curtailed and peaks billed (UTC starts), 4CP charge and margins (USD).</summary>
    public static DispatchFourCpRuleDocument FourCp(TimeSeries series, FourCpForecastRule rule, FourCpRuleResult run, string peaksFrom)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(run);
        return new DispatchFourCpRuleDocument(
            rule.ThresholdMw, rule.CurtailToMw, peaksFrom, run.CurtailedIntervals.Length,
            [.. run.CurtailedIntervals.Select(t => Utc(series[t]))], [.. run.PeakIntervals.Select(t => Utc(series[t]))],
            run.FourCpChargeUsd, run.Result.Totals?.MarginUsd ?? double.NaN, run.PerfectForesightMarginUsd, run.MarginVsPerfectForesightUsd);
    }

    private static string Utc(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A 4CP forecast rule run in <c>hashpivot dispatch --json</c>: threshold and curtailment level (MW), where the billed peaks came from, the intervals curtailed and the peaks (UTC starts), the 4CP charge, the rule's margin, perfect foresight's margin and the difference (USD).</summary>
/// <param name="ThresholdMw">Curtail where the system-load forecast is above this.</param>
/// <param name="CurtailToMw">Mining MW allowed in curtailed intervals.</param>
/// <param name="PeaksFrom"><c>system_load</c> (June–September maxima of the actual load) or <c>site_file</c> (its four_cp intervals).</param>
/// <param name="CurtailedIntervals">Number of intervals the rule curtailed.</param>
/// <param name="CurtailedUtc">Their starts.</param>
/// <param name="PeaksUtc">Starts of the actual peak intervals billed.</param>
/// <param name="FourCpChargeUsd">The rule's 4CP charge at the actual peaks.</param>
/// <param name="MarginUsd">The rule's margin.</param>
/// <param name="PerfectForesightMarginUsd">Margin of the optimum that knows the actual peaks.</param>
/// <param name="MarginVsPerfectForesightUsd">Perfect foresight minus the rule.</param>
public sealed record DispatchFourCpRuleDocument(
    double ThresholdMw,
    double CurtailToMw,
    string PeaksFrom,
    int CurtailedIntervals,
    IReadOnlyList<string> CurtailedUtc,
    IReadOnlyList<string> PeaksUtc,
    double FourCpChargeUsd,
    double MarginUsd,
    double PerfectForesightMarginUsd,
    double MarginVsPerfectForesightUsd);
