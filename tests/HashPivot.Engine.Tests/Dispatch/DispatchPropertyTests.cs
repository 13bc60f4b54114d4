using HashPivot.Engine.Dispatch;
using HashPivot.Solvers.Dispatch;

namespace HashPivot.Engine.Tests.Dispatch;

// Random instances (seeded, DispatchInstances) checked across solvers. MILP comparisons use 24–72 intervals so the
// suite stays within about a minute on two cores; the fast-only properties use a week of intervals.
public sealed class DispatchPropertyTests
{
    private const double RelativeTolerance = 1e-6;
    private static readonly FastDispatchSolver Fast = new();

    [Fact]
    public void FastSolve_RandomInstances_NeverBelowStrikeRule()
    {
        // 2,000 instances of a week: the optimum can never earn less than a feasible rule schedule on the same inputs.
        var checkedCount = 0;
        for (var seed = 10_000; seed < 12_000; seed++)
        {
            var problem = DispatchInstances.Random(seed, 168, coupled: seed % 2 == 0);
            var result = Fast.Solve(problem);
            var (rule, ruleSchedule) = StrikePriceRule.Run(problem);
            Assert.Equal(rule.MarginUsd, result.RuleMarginUsd!.Value, 9);
            if (result.Status == DispatchStatus.Infeasible || DispatchEvaluator.Violations(problem, ruleSchedule!).Count > 0)
            {
                continue;
            }

            checkedCount++;
            Assert.True(
                result.Totals!.MarginUsd >= rule.MarginUsd - (RelativeTolerance * Math.Max(1, Math.Abs(rule.MarginUsd))),
                $"seed {seed}: optimum {result.Totals.MarginUsd} below rule {rule.MarginUsd}");
            Assert.Empty(DispatchEvaluator.Violations(problem, result.Schedule!));
        }

        Assert.True(checkedCount > 1_500, $"only {checkedCount} instances had a feasible rule schedule");
    }

    [Fact]
    public void LpRelaxation_RandomInstances_BoundsOptimumFromAbove()
    {
        // The continuous relaxation (GLOP) can only earn more than the exact optimum: 150 instances.
        var lp = new OrToolsDispatchSolver("GLOP");
        for (var seed = 20_000; seed < 20_150; seed++)
        {
            var problem = DispatchInstances.Random(seed, 24, coupled: seed % 2 == 0);
            var fast = Fast.Solve(problem);
            var bound = lp.Solve(problem);
            if (fast.Status == DispatchStatus.Infeasible)
            {
                continue;
            }

            Assert.Equal(DispatchStatus.RelaxationOptimal, bound.Status);
            Assert.True(bound.ObjectiveUsd >= fast.Totals!.MarginUsd - (RelativeTolerance * Math.Max(1, Math.Abs(fast.Totals.MarginUsd))), $"seed {seed}");
        }
    }

    private static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= RelativeTolerance * Math.Max(1, Math.Abs(expected));
}
