using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Units;
using HashPivot.Solvers.Dispatch;

namespace HashPivot.Engine.Tests.Dispatch;

// Small cases worked by hand; every figure's arithmetic is in the comments. One tier at 20 J/TH and a hashprice of
// 36 USD/PH/day earns 36 / 20 × 1000 / 24 = 75 USD per MWh consumed.
public sealed class FastDispatchSolverTests
{
    private static readonly IDispatchSolver[] Solvers = [new FastDispatchSolver(), new OrToolsDispatchSolver("SCIP")];

    private static MiningTier Tier(params double[] steps) => new("t", new JoulesPerTerahash(20), [.. steps]);

    private static DispatchProblem Problem(double[] prices, double capMw, params MiningTier[] tiers) =>
        new(TimeSpan.FromHours(1), [.. prices], new Megawatts(capMw), [.. tiers], new UsdPerPetahashDay(36));

    [Fact]
    public void Solve_PpaBlockWithReserve_EarnsCreditsAndReserve()
    {
        // Block 10 MW at 30 USD/MWh (adder 5), tier [0, 10] MW, prices 20 / 100 / −10, reserve 10 USD/MW-h at t0.
        // t0: run 10 MW inside the block (75 > 20): revenue 750, block 300, reserve 10 × 10 = 100.
        // t1: 100 > 75, curtail: resell the block 10 MWh × 100 = 1,000 of credits, block 300.
        // t2: −10 < 75, run: revenue 750, block 300 (running forgoes a resale worth −100, i.e. earns 100).
        // Margin = 750 + 750 + 1,000 + 100 − 900 = 1,700. The rule runs t0 and t2 but offers no reserve: 1,600.
        var problem = Problem([20, 100, -10], 20, Tier(0, 10)) with
        {
            Supply = new PowerSupply(10, new UsdPerMwh(30), new UsdPerMwh(5)),
            ReservePricesUsdPerMwh = [10, 0, 0],
        };
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(DispatchStatus.Optimal, result.Status);
            Assert.Equal(1_700, result.Totals!.MarginUsd, 6);
            Assert.Equal(1_000, result.Totals.PowerCreditsUsd, 6);
            Assert.Equal(10, result.Totals.ResoldMwh, 9);
            Assert.Equal(100, result.Totals.ReserveRevenueUsd, 6);
            Assert.Equal(900, result.Totals.EnergyCostUsd, 6);
            Assert.Equal(1_600, result.RuleMarginUsd!.Value, 6);
            Assert.Equal(1.0, result.Totals.CurtailedHoursPerTier[0], 9);
        }
    }

    [Fact]
    public void Solve_FourCpCapAndAiShortfall_CurtailsAtPeakAndChargesPenalty()
    {
        // Cap 30 MW, AI 20 / 35 / 20 MW (200 USD/MWh, SLA 500 USD/MWh), tier [0, 5, 10], market at 40 USD/MWh, 4CP at
        // t2 at 120 USD/kW-yr = 120 × 1000 / 4 = 30,000 USD per MW of import.
        // t0: 10 MW of mining fits: revenue 750; energy 30 × 40 = 1,200; AI 4,000.
        // t1: AI served 30 (cap), 5 MWh short × 500 = 2,500; no room to mine; energy 1,200; AI 6,000.
        // t2: mining off at the peak; import 20 MW × 30,000 = 600,000; energy 800; AI 4,000.
        // Margin = 750 + 14,000 − 3,200 − 600,000 − 2,500 = −590,950.
        // The rule mines 10 MW at t2 (40 ≤ 75): +750 − 400 − 300,000 ⇒ −890,600.
        var problem = Problem([40, 40, 40], 30, Tier(0, 5, 10)) with
        {
            Ai = new AiLoad([20, 35, 20], new UsdPerMwh(200), new UsdPerMwh(500)),
            FourCp = new CoincidentPeakCharge([2], 120),
        };
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(-590_950, result.Totals!.MarginUsd, 6);
            Assert.Equal(600_000, result.Totals.FourCpChargeUsd, 6);
            Assert.Equal(2_500, result.Totals.SlaPenaltyUsd, 6);
            Assert.Equal(5, result.Totals.AiShortfallMwh, 9);
            Assert.Equal(-890_600, result.RuleMarginUsd!.Value, 6);
        }
    }

    [Fact]
    public void Solve_MinimumOnTime_WaitsOutTheSpike()
    {
        // Tier [0, 10] with minimum on time 3; prices 50 / 200 / 50 / 50: each hour on earns (75 − price) × 10.
        // Starting at t0 locks in t0..t2: 250 − 1,250 + 250 (+ 250 at t3) = −500. Starting at t2 (dwell truncated at
        // the horizon end): 250 + 250 = 500, the optimum. The rule starts at t0 and cannot stop at t1: −500.
        var problem = Problem([50, 200, 50, 50], 100, Tier(0, 10) with { MinOnIntervals = 3 });
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(500, result.Totals!.MarginUsd, 6);
            Assert.Equal([0.0, 0, 10, 10], result.Schedule!.TierMw(0).ToArray());
            Assert.Equal(-500, result.RuleMarginUsd!.Value, 6);
        }
    }

    [Fact]
    public void Solve_RampLimit_StepsDownBeforeTheSpike()
    {
        // Tier [0, 10, 20], ramp 10 MW per hour from 0; prices 10 / 10 / 500. (75 − 10) × MW earns 65 per MW.
        // 10 → 20 → 10 earns 650 + 1,300 − 4,250 = −2,300; 10 → 10 → 0 earns 650 + 650 = 1,300, the optimum.
        // The rule climbs 10 → 20 and can only drop to 10 at the spike: −2,300.
        var problem = Problem([10, 10, 500], 100, Tier(0, 10, 20) with { RampLimitMwPerInterval = 10 });
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(1_300, result.Totals!.MarginUsd, 6);
            Assert.Equal(-2_300, result.RuleMarginUsd!.Value, 6);
        }
    }

    [Theory]
    [InlineData(1.0, 710.0)]
    [InlineData(2.0, 720 - (80 / 0.9))]
    public void Solve_BatteryArbitrage_MovesInWholeSteps(double stepMwh, double expectedMargin)
    {
        // No miners; battery 10 MW / 10 MWh, round trip 0.81 (0.9 each way), empty at the start; prices 10 then 100.
        // Step 1 MWh: charging k steps draws k ÷ 0.9 MW ≤ 10 ⇒ k ≤ 9: 10 MW × $10 = $100 buys 9 MWh stored; discharging
        // the 9 steps delivers 9 × 0.9 = 8.1 MW, exported at $100 = $810. Margin 810 − 100 = $710.
        // Step 2 MWh: k ≤ 9 ÷ 2 ⇒ 4 steps = 8 MWh stored for 8 ÷ 0.9 MWh × $10 = $88.89; 8 × 0.9 = 7.2 MWh × $100 = $720.
        var problem = Problem([10, 100], 100) with { Battery = new Battery(10, 10, 0.81, 0) { StepMwh = stepMwh } };
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(DispatchStatus.Optimal, result.Status);
            Assert.Equal(expectedMargin, result.Totals!.MarginUsd, 6);
            Assert.Equal(0, result.Schedule!.SocMwh[^1], 9);
            Assert.Equal(0, result.RuleMarginUsd!.Value, 9); // the rule leaves the battery idle
        }
    }

    [Fact]
    public void Solve_ReserveDeployedWithQualifiedCap_ShedsLeastEarningMwFirst()
    {
        // Tier a: 20 J/TH ⇒ 75 USD/MWh; tier b: 30 J/TH ⇒ 36 / 30 × 1000 / 24 = 50 USD/MWh; both [0, 10] MW.
        // Prices 20 / 20, reserve 10 USD/MW-h, qualified 15 MW, t0 deployed with a 100 USD/MWh energy payment.
        // t1 (not deployed): both run: 750 + 500 − 20 × 20 = 850, reserve min(20, 15) × 10 = 150 ⇒ 1,000.
        // t0 (deployed): each MW shed earns 10 + 100 + 20 (energy not bought) less its revenue: b's MW +80, a's +55, so
        // shed all 15 qualified MW (b's 10, then 5 of a's): a's 5 MW earn 375, energy 5 × 20 = 100, reserve 150,
        // payment 15 × 100 = 1,500 ⇒ 1,925. Margin 2,925. The rule offers no reserve: 2 × 850 = 1,700.
        var tierA = new MiningTier("a", new JoulesPerTerahash(20), [0, 10]);
        var tierB = new MiningTier("b", new JoulesPerTerahash(30), [0, 10]);
        var problem = Problem([20, 20], 100, tierA, tierB) with
        {
            ReservePricesUsdPerMwh = [10, 10],
            DemandResponse = new DemandResponse(15) { DeploymentIntervals = [0], DeploymentPayment = new UsdPerMwh(100) },
        };
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(DispatchStatus.Optimal, result.Status);
            Assert.Equal(2_925, result.Totals!.MarginUsd, 6);
            Assert.Equal(15, result.Totals.DeployedMwh, 9);
            Assert.Equal(1_500, result.Totals.DeploymentPaymentUsd, 6);
            Assert.Equal(300, result.Totals.ReserveRevenueUsd, 6);
            Assert.Equal(5 + 20, result.Totals.MinedMwh, 9);
            Assert.Equal([15.0, 15], result.Schedule!.ReserveMw.ToArray());
            Assert.Equal([15.0, 0], result.Schedule.ShedMw.ToArray());
            Assert.Equal(1_700, result.RuleMarginUsd!.Value, 6);
            Assert.Empty(DispatchEvaluator.Violations(problem, result.Schedule));
        }
    }

    [Fact]
    public void Solve_MiningLimit_CurtailsInLimitedIntervals()
    {
        // Tier [0, 5, 10] at 75 USD/MWh, price 20: unlimited it earns 55 × 10 = 550 an hour. A limit of 5 MW at t1 and
        // 0 at t2 leaves 550 + 275 + 0 = 825; the rule obeys the limit too.
        var problem = Problem([20, 20, 20], 100, Tier(0, 5, 10)) with { MiningLimitMw = [100, 5, 0] };
        foreach (var solver in Solvers)
        {
            var result = solver.Solve(problem);
            Assert.Equal(825, result.Totals!.MarginUsd, 6);
            Assert.Equal([10.0, 5, 0], result.Schedule!.TierMw(0).ToArray());
            Assert.Equal(825, result.RuleMarginUsd!.Value, 6);
        }
    }

    [Fact]
    public void Validate_BatteryStepTooFine_Throws()
    {
        // 10 MWh in 0.001 MWh steps is 10,001 levels, above Battery.MaxLevels (4,096).
        var problem = Problem([10], 100) with { Battery = new Battery(10, 10, 0.81, 0) { StepMwh = 0.001 } };
        Assert.Throws<ArgumentException>(() => new FastDispatchSolver().Solve(problem));
        Assert.Throws<ArgumentException>(() => new FastDispatchSolver().Solve(problem with { Battery = problem.Battery! with { StepMwh = 0 } }));
    }

    [Fact]
    public void Solve_BtcPriceGiven_ReportsBtcMined()
    {
        // 10 MW for 1 h at 75 USD/MWh = 750 USD; at 75,000 USD/BTC that is 0.01 BTC.
        var problem = Problem([0], 100, Tier(0, 10)) with { BtcPrice = new UsdPerBtc(75_000) };
        var result = new FastDispatchSolver().Solve(problem);
        Assert.Equal(0.01, result.Totals!.MinedBtc!.Value, 12);
        Assert.Equal(10, result.Totals.MinedMwh, 12);
    }

    [Fact]
    public void Solve_RecordScheduleOff_KeepsTotalsOnly()
    {
        var problem = Problem([20, 100], 100, Tier(0, 10));
        var result = new FastDispatchSolver().Solve(problem, new DispatchOptions { RecordSchedule = false, IncludeStrikeRule = false });
        Assert.Null(result.Schedule);
        Assert.Null(result.RuleTotals);
        Assert.Equal(550, result.Totals!.MarginUsd, 9); // (75 − 20) × 10
    }

    [Fact]
    public void Validate_PresetsNotStartingAtZero_Throws()
    {
        var problem = Problem([20], 100, Tier(5, 10));
        Assert.Throws<ArgumentException>(() => new FastDispatchSolver().Solve(problem));
    }
}
