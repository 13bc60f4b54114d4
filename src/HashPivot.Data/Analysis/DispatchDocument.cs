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
            curtailed, result.RuleMarginUsd, result.GainOverRuleUsd, schedulePath, chartPath);
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

    private static string Utc(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
