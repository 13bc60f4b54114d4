namespace HashPivot.Cli.Tests.Commands;

public class PlanCommandTests
{
    [Fact]
    public void Plan_UnlimitedBudget_PicksEverySitesBestStrategy_AsValueReportsIt()
    {
        // With no binding constraint the MILP must pick, per site, the strategy of highest mean NPV: exactly value's best_strategy.
        var plan = CliRunner.Run("plan", CliRunner.Sample("portfolio.yaml"), "--budget-usd", "1e12", "--paths", "100", "--seed", "4", "--json").Json();
        var value = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "100", "--seed", "4", "--json").Json();

        Assert.Equal("optimal", plan.GetProperty("status").GetString());
        var best = value.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!, s => s);
        var expected = 0.0;
        foreach (var chosen in plan.GetProperty("chosen").EnumerateArray())
        {
            var site = best[chosen.GetProperty("site").GetString()!];
            var label = site.GetProperty("best_strategy").GetString() == "mine"
                ? "mine"
                : $"{site.GetProperty("best_strategy").GetString()} from year {site.GetProperty("best_conversion_year").GetInt32()}";
            Assert.Equal(label, chosen.GetProperty("choice").GetString());
            expected += site.GetProperty("npv_usd_mean").GetDouble();
        }

        Assert.Equal(expected, plan.GetProperty("expected_npv_usd").GetDouble(), 3);
    }

    [Fact]
    public void Plan_ZeroBudget_KeepsEverySiteMining()
    {
        var plan = CliRunner.Run("plan", CliRunner.Sample("portfolio.yaml"), "--budget-usd", "0", "--paths", "50", "--json").Json();

        Assert.All(plan.GetProperty("chosen").EnumerateArray(), c => Assert.Equal("mine", c.GetProperty("choice").GetString()));
        Assert.Equal(0, plan.GetProperty("capex_usd").GetDouble());
    }

    [Fact]
    public void Plan_UnreachableFloor_IsInfeasible_NotAnError()
    {
        var run = CliRunner.Run("plan", CliRunner.Sample("portfolio.yaml"), "--budget-usd", "1e9", "--p5-floor-usd", "1e12", "--paths", "50", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal("infeasible", run.Json().GetProperty("status").GetString());
    }

    [Fact]
    public void Plan_WithoutBudget_ExitsTwo()
    {
        var run = CliRunner.Run("plan", CliRunner.Sample("portfolio.yaml"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("--budget-usd", run.Err, StringComparison.Ordinal);
    }
}
