using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Units;
using HashPivot.Solvers.Dispatch;

namespace HashPivot.Engine.Tests.Dispatch;

// One tier [0, 10] MW at 20 J/TH and 36 USD/PH/day earns 36 / 20 × 1000 / 24 = 75 USD/MWh; at 40 USD/MWh each hour
// mined adds (75 − 40) × 10 = 350 USD. 4CP at 120 USD/kW-year bills 120 × 1000 / 4 = 30,000 USD per MW at a peak.
public sealed class FourCpRuleTests
{
    private static readonly IDispatchSolver[] Solvers = [new FastDispatchSolver(), new OrToolsDispatchSolver("SCIP")];

    private static DispatchProblem Problem(params int[] peaks) => new(
        TimeSpan.FromHours(1), [40, 40, 40, 40], new Megawatts(100), [new MiningTier("t", new JoulesPerTerahash(20), [0, 10])], new UsdPerPetahashDay(36))
    {
        FourCp = new CoincidentPeakCharge([.. peaks], 120),
    };

    [Theory]
    // Threshold 75,000 MW curtails t1 and t2 (forecasts 80,000 and 79,000): the actual peak t2 is dodged. Mining at t0
    // and t3 earns 700; perfect foresight also mines t1: 1,050, so the rule leaves 350 on the table.
    [InlineData(75_000, new[] { 1, 2 }, 700, 0)]
    // Threshold 79,500 MW curtails only t1: the rule mines 10 MW through the actual peak t2: 3 × 350 − 10 × 30,000.
    [InlineData(79_500, new[] { 1 }, 1_050 - 300_000, 300_000)]
    public void Run_ForecastAboveThreshold_CurtailsAndBillsActualPeaks(double threshold, int[] curtailed, double margin, double charge)
    {
        var rule = new FourCpForecastRule([70_000, 80_000, 79_000, 60_000], threshold);
        foreach (var solver in Solvers)
        {
            var result = FourCpRule.Run(solver, Problem(2), rule);
            Assert.Equal(curtailed, result.CurtailedIntervals.ToArray());
            Assert.Equal([2], result.PeakIntervals.ToArray());
            Assert.Equal(margin, result.Result.Totals!.MarginUsd, 6);
            Assert.Equal(charge, result.FourCpChargeUsd, 6);
            Assert.Equal(1_050, result.PerfectForesightMarginUsd, 6);
            Assert.Equal(1_050 - margin, result.MarginVsPerfectForesightUsd, 6);
            foreach (var t in curtailed)
            {
                Assert.Equal(0, result.Result.Schedule!.MiningMw(t));
            }
        }
    }

    [Fact]
    public void Run_CurtailToLevel_LimitsMiningToThatLevel()
    {
        // Tier [0, 5, 10]: curtailing to 5 MW at the forecast peak t1 (also the actual peak) mines 5 MW there:
        // 3 × 350 + 5 × 35 − 5 × 30,000 = −148,775. Perfect foresight turns it off: 1,050.
        var problem = Problem(1) with { Tiers = [new MiningTier("t", new JoulesPerTerahash(20), [0, 5, 10])] };
        var rule = new FourCpForecastRule([0, 90_000, 0, 0], 80_000) { CurtailToMw = 5 };
        var result = FourCpRule.Run(new FastDispatchSolver(), problem, rule);
        Assert.Equal(5, result.Result.Schedule!.MiningMw(1));
        Assert.Equal(-148_775, result.Result.Totals!.MarginUsd, 6);
        Assert.Equal(1_050, result.PerfectForesightMarginUsd, 6);
    }

    [Fact]
    public void Run_RandomInstances_NeverBeatsPerfectForesight()
    {
        // 300 random instances (dwell, ramp, battery and demand response mixed in by seed) with four actual peaks and
        // a noisy forecast: the rule's schedule is feasible for the billed problem, so the optimum that knows the
        // peaks can never earn less; and the rule never mines in a curtailed interval.
        var fast = new FastDispatchSolver();
        var checkedCount = 0;
        for (var seed = 40_000; seed < 40_300; seed++)
        {
            var random = new Random(seed);
            var features = (DispatchFeatures)(seed % 16);
            var problem = DispatchInstances.Random(seed, 48, features);
            var peaks = Enumerable.Range(0, 48).OrderBy(_ => random.Next()).Take(4).Order().ToArray();
            problem = problem with { FourCp = new CoincidentPeakCharge([.. peaks], 50 + (random.NextDouble() * 100)) };
            var forecast = Enumerable.Range(0, 48).Select(t => 70_000 + (peaks.Contains(t) ? 8_000 : 0) + (random.NextDouble() * 10_000)).ToArray();
            var result = FourCpRule.Run(fast, problem, new FourCpForecastRule([.. forecast], 78_000));
            if (result.Result.Status == DispatchStatus.Infeasible || double.IsNaN(result.PerfectForesightMarginUsd))
            {
                continue;
            }

            checkedCount++;
            var billed = problem with { MiningLimitMw = result.MiningLimitMw };
            Assert.Empty(DispatchEvaluator.Violations(billed, result.Result.Schedule!));
            Assert.True(result.MarginVsPerfectForesightUsd >= -1e-6 * Math.Max(1, Math.Abs(result.PerfectForesightMarginUsd)), $"seed {seed}: {result.MarginVsPerfectForesightUsd}");
            Assert.All(result.CurtailedIntervals, t => Assert.Equal(0, result.Result.Schedule!.MiningMw(t)));
            Assert.Equal(result.FourCpChargeUsd, result.Result.Totals!.FourCpChargeUsd);
        }

        Assert.True(checkedCount > 200, $"only {checkedCount} feasible instances");
    }

    [Fact]
    public void MonthlySummerPeaks_OnePeakPerSummerMonth_OutsideMonthsIgnored()
    {
        // May's 9 and October's 9 are not 4CP months; June's peak is t2 (3 > 1), July's t4 (5 > 2), August's t5, September's t6.
        int[] months = [5, 6, 6, 7, 7, 8, 9, 10];
        double[] load = [9, 1, 3, 2, 5, 4, 1, 9];
        Assert.Equal([2, 4, 5, 6], FourCpRule.MonthlySummerPeaks(load, months).ToArray());
    }

    [Fact]
    public void Run_ProblemWithoutFourCp_Throws()
    {
        var problem = Problem(2) with { FourCp = null };
        Assert.Throws<ArgumentException>(() => FourCpRule.Run(new FastDispatchSolver(), problem, new FourCpForecastRule([0, 0, 0, 0], 1)));
    }
}
