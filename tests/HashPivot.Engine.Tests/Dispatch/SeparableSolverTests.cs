using System.Collections.Immutable;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Dispatch;

// The separable path (no dwell, ramp or battery) searches an envelope of preset combinations per interval. These
// tests hold it against brute force: every preset combination of every interval priced from the model's formulas,
// independently of the solver's algebra. Brute force is cheap here, so the horizons are longer and more varied than
// the MILP comparisons can afford (hashprice series, AI above the cap, 15-minute intervals, negative prices).
public sealed class SeparableSolverTests
{
    private const double RelativeTolerance = 1e-9;
    private static readonly FastDispatchSolver Fast = new();

    [Fact]
    public void Solve_RandomSeparableInstances_MatchesBruteForce()
    {
        // 1,000 instances of a week each.
        var failures = new List<string>();
        for (var seed = 40_000; seed < 41_000; seed++)
        {
            var problem = DispatchInstances.Random(seed, 168, coupled: false);
            Check(problem, $"seed {seed}", failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Solve_ManyDistinctAiLevels_MatchesBruteForceBeyondTheEnvelopeCache()
    {
        // An AI profile with a new level every hour: after 1,024 cached levels the solver enumerates directly. Both
        // halves of the year must agree with brute force.
        var random = new Random(7);
        var problem = DispatchInstances.Random(41_500, 3_000, coupled: false) with
        {
            GridCap = new Megawatts(120),
            Ai = new AiLoad([.. Enumerable.Range(0, 3_000).Select(_ => random.NextDouble() * 130)], new UsdPerMwh(90), new UsdPerMwh(250)),
            Supply = new PowerSupply(45, new UsdPerMwh(30), new UsdPerMwh(6)),
        };
        var failures = new List<string>();
        Check(problem, "many AI levels", failures);
        Assert.Empty(failures);
    }

    [Fact]
    public void Solve_HashpriceSeriesWithZeroAndNegative_MatchesBruteForce()
    {
        // A hashprice series crossing zero (not seen in practice, allowed by the model): at H ≤ 0 mining only pays
        // through negative power prices or reserve, and the per-interval search falls back to enumeration.
        var random = new Random(11);
        var baseProblem = DispatchInstances.Random(41_700, 500, coupled: false);
        var problem = baseProblem with
        {
            HashpriceSeriesUsdPerPhDay = [.. Enumerable.Range(0, 500).Select(t => t % 7 == 0 ? 0 : (random.NextDouble() * 120) - 30)],
            Supply = new PowerSupply(20, new UsdPerMwh(25), new UsdPerMwh(3)),
        };
        var failures = new List<string>();
        Check(problem, "hashprice crossing zero", failures);
        Assert.Empty(failures);
    }

    [Fact]
    public void Solve_NegativeConstantHashprice_MatchesBruteForce()
    {
        // A negative constant hashprice (allowed by the model): mining only pays through negative power prices or
        // reserve, and among equal loads the combination of least revenue weight loses least.
        var failures = new List<string>();
        for (var seed = 41_800; seed < 41_850; seed++)
        {
            var problem = DispatchInstances.Random(seed, 96, coupled: false) with
            {
                Hashprice = new UsdPerPetahashDay(-20),
                HashpriceSeriesUsdPerPhDay = [],
            };
            Check(problem, $"seed {seed}", failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Solve_NineTiersBeyondTheCombinationLimit_MatchesBruteForce()
    {
        // 9 tiers × 4 presets = 262,144 combinations, over the 65,536 the joint DP accepts; the separable path keeps one
        // combination per distinct total load (multiples of 5 MW up to the cap: at most 41), so it still solves exactly.
        var random = new Random(5);
        var tiers = Enumerable.Range(0, 9)
            .Select(i => new MiningTier($"t{i}", new JoulesPerTerahash(15 + (2 * i)), [0, 5 * (1 + (i % 2)), 10 * (1 + (i % 2)), 15 * (1 + (i % 2))]))
            .ToImmutableArray();
        var problem = new DispatchProblem(
            TimeSpan.FromHours(1),
            [.. Enumerable.Range(0, 12).Select(_ => (random.NextDouble() * 200) - 20)],
            new Megawatts(200),
            tiers,
            new UsdPerPetahashDay(45))
        {
            Ai = new AiLoad([.. Enumerable.Range(0, 12).Select(t => t % 3 == 0 ? 30.0 : 10.0)], new UsdPerMwh(100), new UsdPerMwh(200)),
            Supply = new PowerSupply(60, new UsdPerMwh(35), new UsdPerMwh(8)),
        };
        var failures = new List<string>();
        Check(problem, "nine tiers", failures);
        Assert.Empty(failures);
    }

    [Fact]
    public void Solve_CapBindsWithinPresets_PicksTheBestFittingMix()
    {
        // Cap 100 MW, block 0, price 40. Tier a [0, 20, 40, 60] at 17.5 J/TH earns 48/17.5 × 1000/24 = 114.29 USD/MWh,
        // tier b [0, 25, 50] at 29.5 J/TH earns 48/29.5 × 1000/24 = 67.80. Margins per MWh: a 74.29, b 27.80.
        // Candidates under 100 MW: a60 + b25 = 74.29·60 + 27.80·25 = 4,457.1 + 694.9 = 5,152.1; a40 + b50 = 2,971.4 +
        // 1,389.8 = 4,361.3; a60 alone 4,457.1. Best: a60 + b25 (85 MW), although 90 MW would fit.
        var problem = new DispatchProblem(
            TimeSpan.FromHours(1),
            [40.0],
            new Megawatts(100),
            [new MiningTier("a", new JoulesPerTerahash(17.5), [0, 20, 40, 60]), new MiningTier("b", new JoulesPerTerahash(29.5), [0, 25, 50])],
            new UsdPerPetahashDay(48));
        var result = Fast.Solve(problem);
        Assert.Equal(85, result.Totals!.MinedMwh, 9);
        Assert.Equal(60, result.Schedule!.TierMw(0)[0]);
        Assert.Equal(25, result.Schedule.TierMw(1)[0]);
        var expected = (60 * ((48 / 17.5 * 1000 / 24) - 40)) + (25 * ((48 / 29.5 * 1000 / 24) - 40));
        Assert.Equal(expected, result.Totals.MarginUsd, 6);
    }

    // Solves with the fast solver and with brute force; records a failure when margins differ or the schedule breaks a rule.
    private static void Check(DispatchProblem problem, string label, List<string> failures)
    {
        var fast = Fast.Solve(problem, new DispatchOptions { IncludeStrikeRule = false });
        var totalsOnly = Fast.Solve(problem, new DispatchOptions { IncludeStrikeRule = false, RecordSchedule = false });
        var expected = DispatchEvaluator.Evaluate(problem, BruteForce(problem)).MarginUsd;
        var tolerance = RelativeTolerance * Math.Max(1, Math.Abs(expected));
        if (Math.Abs(fast.Totals!.MarginUsd - expected) > tolerance)
        {
            failures.Add($"{label}: fast {fast.Totals.MarginUsd}, brute force {expected}");
        }

        if (Math.Abs(totalsOnly.Totals!.MarginUsd - fast.Totals.MarginUsd) > tolerance)
        {
            failures.Add($"{label}: totals-only {totalsOnly.Totals.MarginUsd}, with schedule {fast.Totals.MarginUsd}");
        }

        // The totals the solver reports must be those of the schedule it returns.
        var evaluated = DispatchEvaluator.Evaluate(problem, fast.Schedule!);
        if (Math.Abs(evaluated.MarginUsd - fast.Totals.MarginUsd) > tolerance || Math.Abs(evaluated.MinedMwh - fast.Totals.MinedMwh) > 1e-6
            || !evaluated.CurtailedHoursPerTier.SequenceEqual(fast.Totals.CurtailedHoursPerTier))
        {
            failures.Add($"{label}: totals differ from the evaluated schedule");
        }

        var violations = DispatchEvaluator.Violations(problem, fast.Schedule!);
        if (violations.Count > 0)
        {
            failures.Add($"{label}: {violations[0]}");
        }
    }

    // Per interval, every combination of presets that fits the headroom, valued from the model: revenue + reserve on
    // every mining MW when its price is positive − supply cost of the import (block, resale, adder, 4CP).
    private static DispatchSchedule BruteForce(DispatchProblem problem)
    {
        var count = problem.Count;
        var tiers = problem.Tiers;
        var dt = problem.IntervalHours;
        var cap = problem.GridCap.Value;
        var block = problem.Supply.PpaBlockMw;
        var adder = problem.Supply.Adder.Value;
        var peaks = problem.FourCp?.Intervals.ToHashSet() ?? [];
        var combinations = tiers.Aggregate(1, (product, tier) => product * tier.PowerStepsMw.Length);
        var tierMw = new double[tiers.Length * count];
        var reserve = new double[count];
        for (var t = 0; t < count; t++)
        {
            var ai = problem.Ai is { } load ? Math.Min(load.ProfileMw[t], cap) : 0;
            var price = problem.PricesUsdPerMwh[t];
            var reservePrice = problem.ReservePricesUsdPerMwh.IsDefaultOrEmpty ? 0 : problem.ReservePricesUsdPerMwh[t];
            var peak = peaks.Contains(t) ? problem.FourCp!.UsdPerMwAtPeak : 0;
            var bestValue = double.NegativeInfinity;
            var best = ImmutableArray<double>.Empty;
            for (var combo = 0; combo < combinations; combo++)
            {
                var mws = Decode(tiers, combo);
                var mining = mws.Sum();
                if (ai + mining > cap + 1e-9)
                {
                    continue;
                }

                var revenue = Enumerable.Range(0, tiers.Length).Sum(i => tiers[i].RevenueUsdPerMwh(problem.HashpriceAt(t)) * mws[i] * dt);
                var import = ai + mining;
                var energy = import > block ? (price + adder) * (import - block) : price * (import - block);
                var value = revenue + (Math.Max(reservePrice, 0) * mining * dt) - (energy * dt) - (peak * import);
                if (value > bestValue)
                {
                    (bestValue, best) = (value, mws);
                }
            }

            for (var i = 0; i < tiers.Length; i++)
            {
                tierMw[(i * count) + t] = best[i];
            }

            reserve[t] = reservePrice > 0 ? best.Sum() : 0;
        }

        return DispatchSchedule.FromDecisions(problem, tierMw, reserve, [], []);
    }

    private static ImmutableArray<double> Decode(ImmutableArray<MiningTier> tiers, int combo)
    {
        var mws = new double[tiers.Length];
        for (var i = 0; i < tiers.Length; i++)
        {
            var steps = tiers[i].PowerStepsMw;
            mws[i] = steps[combo % steps.Length];
            combo /= steps.Length;
        }

        return [.. mws];
    }
}
