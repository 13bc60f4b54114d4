using Google.OrTools.LinearSolver;
using HashPivot.Engine.Planning;

namespace HashPivot.Solvers.Planning;

/// <summary>
/// The planning problem as a MILP (OR-Tools, SCIP by default): a binary per site and option, one option per site, capex and debt rows,
/// and for the P5 floor a binary per path that may excuse it (big-M) with at most ⌊0.05·paths⌋ excused — the exact chance constraint.
/// </summary>
public sealed class MilpPlanner(string backend = "SCIP", double timeLimitSeconds = 60)
{
    /// <summary>Solves <paramref name="problem"/>; status optimal, feasible (time limit) or infeasible, with the relative gap.</summary>
    public PlanResult Solve(PlanningProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var solver = Solver.CreateSolver(backend) ?? throw new InvalidOperationException($"OR-Tools backend {backend} is not available");
        solver.SuppressOutput();
        solver.SetTimeLimit((long)(timeLimitSeconds * 1000));
        var sites = problem.Sites;
        var x = sites.Select((s, i) => s.Options.Select((_, k) => solver.MakeBoolVar($"x_{i}_{k}")).ToArray()).ToArray();
        var objective = solver.Objective();
        objective.SetMaximization();
        var budget = solver.MakeConstraint(double.NegativeInfinity, problem.BudgetUsd, "budget");
        var financing = problem.FinancingLimitUsd is { } limit ? solver.MakeConstraint(double.NegativeInfinity, limit, "financing") : null;
        for (var i = 0; i < sites.Count; i++)
        {
            var one = solver.MakeConstraint(1, 1, $"one_{i}");
            for (var k = 0; k < sites[i].Options.Count; k++)
            {
                var o = sites[i].Options[k];
                one.SetCoefficient(x[i][k], 1);
                objective.SetCoefficient(x[i][k], o.MeanNpvUsd);
                budget.SetCoefficient(x[i][k], o.CapexUsd);
                financing?.SetCoefficient(x[i][k], o.DebtUsd);
            }
        }

        if (problem.P5FloorUsd is { } floor)
        {
            var tail = solver.MakeConstraint(double.NegativeInfinity, problem.TailPaths, "tail");
            for (var p = 0; p < problem.Paths; p++)
            {
                // Big-M: how far below the floor the worst choice on this path can fall; a path that cannot fall below needs no binary.
                var worst = sites.Sum(s => s.Options.Min(o => o.NpvUsd[p]));
                var m = floor - worst;
                if (m <= 0)
                {
                    continue;
                }

                var z = solver.MakeBoolVar($"z_{p}");
                tail.SetCoefficient(z, 1);
                var row = solver.MakeConstraint(floor, double.PositiveInfinity, $"floor_{p}");
                row.SetCoefficient(z, m);
                for (var i = 0; i < sites.Count; i++)
                {
                    for (var k = 0; k < sites[i].Options.Count; k++)
                    {
                        row.SetCoefficient(x[i][k], sites[i].Options[k].NpvUsd[p]);
                    }
                }
            }
        }

        // Default MIP gaps (1e-4) would call a near-best choice optimal; the planner promises the best one.
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        var status = solver.Solve(parameters);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new PlanResult(status == Solver.ResultStatus.INFEASIBLE ? "infeasible" : "not_solved", null, double.NaN, 0, 0, double.NaN, ms);
        }

        var choice = x.Select(row => Array.FindIndex(row, v => v.SolutionValue() > 0.5)).ToArray();
        var value = BruteForcePlanner.Value(problem, choice);
        var gap = Math.Abs(objective.BestBound() - objective.Value()) / Math.Max(Math.Abs(objective.Value()), 1e-9);
        return new PlanResult(status == Solver.ResultStatus.OPTIMAL ? "optimal" : "feasible", choice, value,
            choice.Select((k, i) => sites[i].Options[k].CapexUsd).Sum(), choice.Select((k, i) => sites[i].Options[k].DebtUsd).Sum(), gap, ms);
    }
}
