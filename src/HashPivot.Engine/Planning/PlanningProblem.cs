namespace HashPivot.Engine.Planning;

/// <summary>One choice for a site: a strategy label, its capex (USD) and debt drawn (USD), and its NPV on each Monte-Carlo path (USD).</summary>
public sealed record PlanOption(string Label, double CapexUsd, double DebtUsd, double[] NpvUsd)
{
    /// <summary>Mean NPV over the paths (USD).</summary>
    public double MeanNpvUsd => NpvUsd.Average();
}

/// <summary>A site and its options; exactly one is chosen (keep mining is an option with zero capex).</summary>
public sealed record PlanSite(string Name, IReadOnlyList<PlanOption> Options);

/// <summary>
/// Which option per site maximises the portfolio's expected NPV (USD) with total capex within the budget, debt within the financing limit,
/// and, when a floor is given, the portfolio's P5 NPV at or above it (at most ⌊0.05·paths⌋ paths below the floor).
/// </summary>
public sealed record PlanningProblem(IReadOnlyList<PlanSite> Sites, double BudgetUsd, double? FinancingLimitUsd, double? P5FloorUsd)
{
    /// <summary>Paths every option's NPV covers.</summary>
    public int Paths => Sites[0].Options[0].NpvUsd.Length;

    /// <summary>Paths allowed below the floor: ⌊0.05 · paths⌋.</summary>
    public int TailPaths => (int)Math.Floor(0.05 * Paths);
}

/// <summary>How a plan ended: the chosen option index per site, expected NPV (USD), capex and debt (USD), status, relative gap and time.</summary>
public sealed record PlanResult(string Status, int[]? Choice, double ExpectedNpvUsd, double CapexUsd, double DebtUsd, double Gap, double SolveMs);
