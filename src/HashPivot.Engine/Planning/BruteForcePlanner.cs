namespace HashPivot.Engine.Planning;

/// <summary>The planning problem solved by trying every combination: exact, exponential, for small portfolios and for checking the MILP.</summary>
public static class BruteForcePlanner
{
    /// <summary>The best feasible combination, or status infeasible.</summary>
    public static PlanResult Solve(PlanningProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sites = problem.Sites.Count;
        var choice = new int[sites];
        int[]? best = null;
        var bestValue = double.NegativeInfinity;
        var total = new double[problem.Paths];
        while (true)
        {
            if (Feasible(problem, choice, total) && Value(problem, choice) is var v && v > bestValue + 1e-9)
            {
                bestValue = v;
                best = (int[])choice.Clone();
            }

            var s = 0;
            while (s < sites && ++choice[s] == problem.Sites[s].Options.Count)
            {
                choice[s++] = 0;
            }

            if (s == sites)
            {
                break;
            }
        }

        return best is null
            ? new PlanResult("infeasible", null, double.NaN, 0, 0, 0, clock.Elapsed.TotalMilliseconds)
            : new PlanResult("optimal", best, bestValue, Sum(problem, best, o => o.CapexUsd), Sum(problem, best, o => o.DebtUsd), 0, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Expected portfolio NPV of a choice (USD).</summary>
    public static double Value(PlanningProblem problem, int[] choice)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(choice);
        return Sum(problem, choice, o => o.MeanNpvUsd);
    }

    /// <summary>Whether a choice keeps the budget, the financing limit and the P5 floor.</summary>
    public static bool Feasible(PlanningProblem problem, int[] choice, double[]? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(choice);
        if (Sum(problem, choice, o => o.CapexUsd) > problem.BudgetUsd + 1e-6
            || (problem.FinancingLimitUsd is { } limit && Sum(problem, choice, o => o.DebtUsd) > limit + 1e-6))
        {
            return false;
        }

        if (problem.P5FloorUsd is not { } floor)
        {
            return true;
        }

        var total = scratch ?? new double[problem.Paths];
        Array.Clear(total);
        for (var s = 0; s < choice.Length; s++)
        {
            var npv = problem.Sites[s].Options[choice[s]].NpvUsd;
            for (var p = 0; p < total.Length; p++)
            {
                total[p] += npv[p];
            }
        }

        return total.Count(t => t < floor - 1e-6) <= problem.TailPaths;
    }

    private static double Sum(PlanningProblem problem, int[] choice, Func<PlanOption, double> f)
    {
        var sum = 0.0;
        for (var s = 0; s < choice.Length; s++)
        {
            sum += f(problem.Sites[s].Options[choice[s]]);
        }

        return sum;
    }
}
