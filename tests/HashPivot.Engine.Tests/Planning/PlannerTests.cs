using HashPivot.Engine.Planning;
using HashPivot.Solvers.Planning;

namespace HashPivot.Engine.Tests.Planning;

public class PlannerTests
{
    [Fact]
    public void HandCase_BudgetForcesTheSecondBestConversion()
    {
        // Two sites, two paths. Site A: mine (0 capex, NPV 10/10) or convert (capex 50, NPV 30/30). Site B: mine (0, 5/5) or convert (capex 60, NPV 40/20).
        // Budget 60: converting both (110) is out; A alone adds 20, B alone adds 25 ⇒ convert B: expected 10 + 30 = 40.
        var problem = new PlanningProblem(
        [
            new PlanSite("A", [new PlanOption("mine", 0, 0, [10, 10]), new PlanOption("convert", 50, 25, [30, 30])]),
            new PlanSite("B", [new PlanOption("mine", 0, 0, [5, 5]), new PlanOption("convert", 60, 30, [40, 20])]),
        ], BudgetUsd: 60, FinancingLimitUsd: null, P5FloorUsd: null);

        var milp = new MilpPlanner().Solve(problem);

        Assert.Equal("optimal", milp.Status);
        Assert.Equal([0, 1], milp.Choice!);
        Assert.Equal(40, milp.ExpectedNpvUsd, 9);

        // A financing limit of 25 leaves only A's conversion (debt 25): 30 + 5 = 35.
        var limited = new MilpPlanner().Solve(problem with { FinancingLimitUsd = 25 });
        Assert.Equal([1, 0], limited.Choice!);
        Assert.Equal(35, limited.ExpectedNpvUsd, 9);
    }

    [Fact]
    public void RandomSmallPortfolios_MilpEqualsBruteForce()
    {
        // 200 seeded instances: 2–4 sites × 2–4 options × 20–60 paths, budgets from tight to loose, floors from none to infeasible.
        var random = new Random(20261125);
        for (var n = 0; n < 200; n++)
        {
            var paths = random.Next(20, 61);
            var sites = Enumerable.Range(0, random.Next(2, 5)).Select(s => new PlanSite($"s{s}",
                Enumerable.Range(0, random.Next(2, 5)).Select(k => new PlanOption($"o{k}", k == 0 ? 0 : random.Next(10, 100), k == 0 ? 0 : random.Next(0, 50),
                    Enumerable.Range(0, paths).Select(_ => (random.NextDouble() * 200) - 50 + (k * 10)).ToArray())).ToList())).ToList();
            var floor = random.Next(4) switch { 0 => (double?)null, 1 => -1e9, 2 => random.Next(-100, 200), _ => 1e6 };
            var problem = new PlanningProblem(sites, random.Next(0, 250), random.Next(3) == 0 ? random.Next(0, 80) : null, floor);

            var brute = BruteForcePlanner.Solve(problem);
            var milp = new MilpPlanner().Solve(problem);

            Assert.Equal(brute.Status, milp.Status);
            if (brute.Status == "optimal")
            {
                Assert.True(BruteForcePlanner.Feasible(problem, milp.Choice!), $"instance {n}: MILP choice breaks a constraint");
                Assert.Equal(brute.ExpectedNpvUsd, milp.ExpectedNpvUsd, 6);
            }
        }
    }
}
