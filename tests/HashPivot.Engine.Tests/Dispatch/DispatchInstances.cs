using System.Collections.Immutable;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Dispatch;

// What a random instance may couple or add on top of the separable base.
[Flags]
internal enum DispatchFeatures
{
    None = 0,
    Dwell = 1,
    Ramp = 2,
    Battery = 4,
    DemandResponse = 8,
    MiningLimit = 16,
}

// Seeded random dispatch instances covering the awkward corners: negative prices, prices at the $5,000 cap, PPA
// blocks with and without adders, a grid cap that binds, AI requests above the cap (SLA shortfall), reserve prices
// (some negative), 4CP peaks, 15-minute intervals, hashprice series, dwell and ramp limits, batteries, demand
// response (qualified MW, deployments) and per-interval mining limits.
internal static class DispatchInstances
{
    /// <summary>An instance with exactly the given features: dwell (min on/off 2–4), ramp (1–2 preset steps per interval), battery (4–10 SoC steps), demand response, mining limits.</summary>
    public static DispatchProblem Random(int seed, int intervals, DispatchFeatures features)
    {
        var coupled = (features & (DispatchFeatures.Dwell | DispatchFeatures.Ramp)) != 0;
        var problem = Random(seed, intervals, coupled, battery: features.HasFlag(DispatchFeatures.Battery));
        var random = new Random(seed ^ 0x5EED);
        if (coupled)
        {
            problem = problem with
            {
                Tiers = [.. problem.Tiers.Select(t => t with
                {
                    MinOnIntervals = features.HasFlag(DispatchFeatures.Dwell) ? random.Next(2, 5) : 0,
                    MinOffIntervals = features.HasFlag(DispatchFeatures.Dwell) ? random.Next(2, 5) : 0,
                    RampLimitMwPerInterval = features.HasFlag(DispatchFeatures.Ramp) ? t.PowerStepsMw[1] * random.Next(1, 3) : double.PositiveInfinity,
                })],
            };
        }

        if (problem.Battery is { } battery)
        {
            // Few levels keep the MILP's integer steps quick; the initial charge need not be a whole number of steps.
            problem = problem with { Battery = battery with { StepMwh = battery.EnergyMwh / random.Next(4, 11) } };
        }

        if (features.HasFlag(DispatchFeatures.DemandResponse))
        {
            var fleet = problem.Tiers.Sum(t => t.FullPowerMw);
            var reserve = problem.ReservePricesUsdPerMwh.IsDefaultOrEmpty
                ? [.. Enumerable.Range(0, intervals).Select(_ => (random.NextDouble() * 25) - 3)]
                : problem.ReservePricesUsdPerMwh;
            var deployments = Enumerable.Range(0, intervals).Where(_ => random.NextDouble() < 0.15).ToImmutableArray();
            problem = problem with
            {
                ReservePricesUsdPerMwh = reserve,
                DemandResponse = new DemandResponse(random.NextDouble() < 0.2 ? double.PositiveInfinity : fleet * random.NextDouble())
                {
                    DeploymentIntervals = deployments,
                    DeploymentPayment = new UsdPerMwh(random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 200),
                },
            };
        }

        if (features.HasFlag(DispatchFeatures.MiningLimit))
        {
            // A 4CP-style rule: some intervals curtailed to 0 or to part of the fleet.
            var fleet = problem.Tiers.Sum(t => t.FullPowerMw);
            problem = problem with
            {
                MiningLimitMw = [.. Enumerable.Range(0, intervals).Select(_ => random.NextDouble() switch
                {
                    < 0.1 => 0,
                    < 0.2 => fleet * random.NextDouble(),
                    _ => 1e6,
                })],
            };
        }

        return problem;
    }

    public static DispatchProblem Random(int seed, int intervals, bool coupled, bool battery = false)
    {
        var random = new Random(seed);
        var quarterHourly = random.NextDouble() < 0.2;
        var prices = new double[intervals];
        for (var t = 0; t < intervals; t++)
        {
            var roll = random.NextDouble();
            prices[t] = roll switch
            {
                < 0.08 => -random.NextDouble() * 60,      // negative: wind at night
                < 0.12 => 5_000,                          // at the ERCOT offer cap
                < 0.20 => 100 + (random.NextDouble() * 900),
                _ => 15 + (random.NextDouble() * 70),
            };
        }

        var tierCount = random.Next(1, coupled ? 3 : 4);
        var tiers = ImmutableArray.CreateBuilder<MiningTier>();
        for (var i = 0; i < tierCount; i++)
        {
            var step = new[] { 5.0, 10, 20 }[random.Next(3)];
            var presets = random.Next(2, 5);
            var steps = Enumerable.Range(0, presets).Select(k => k * step).ToImmutableArray();
            var tier = new MiningTier($"tier{i}", new JoulesPerTerahash(14 + (random.NextDouble() * 18)), steps);
            if (coupled)
            {
                tier = tier with
                {
                    MinOnIntervals = random.Next(0, 4),
                    MinOffIntervals = random.Next(0, 4),
                    RampLimitMwPerInterval = random.NextDouble() < 0.5 ? double.PositiveInfinity : step * random.Next(1, 3),
                };
            }

            tiers.Add(tier);
        }

        var fullMining = tiers.Sum(t => t.FullPowerMw);
        var aiBase = random.NextDouble() < 0.3 ? 0 : 10 + (random.NextDouble() * 40);
        var cap = random.NextDouble() < 0.4
            ? aiBase + (fullMining * (0.4 + (random.NextDouble() * 0.6))) // binds
            : aiBase + fullMining + 5;
        var problem = new DispatchProblem(
            quarterHourly ? TimeSpan.FromMinutes(15) : TimeSpan.FromHours(1),
            [.. prices],
            new Megawatts(cap),
            tiers.ToImmutable(),
            new UsdPerPetahashDay(35 + (random.NextDouble() * 30)));
        if (random.NextDouble() < 0.3)
        {
            problem = problem with { HashpriceSeriesUsdPerPhDay = [.. Enumerable.Range(0, intervals).Select(_ => 30 + (random.NextDouble() * 40))] };
        }

        if (aiBase > 0)
        {
            // Coupled instances keep AI flat so that ramp and dwell can always yield to it; others may exceed the cap.
            var profile = Enumerable.Range(0, intervals).Select(_ =>
                coupled ? aiBase : aiBase * (random.NextDouble() < 0.1 ? 1.5 + random.NextDouble() : 1)).ToImmutableArray();
            var aiCap = coupled ? Math.Max(cap, aiBase) : cap;
            problem = problem with
            {
                GridCap = new Megawatts(aiCap),
                Ai = new AiLoad(profile, new UsdPerMwh(60 + (random.NextDouble() * 100)), new UsdPerMwh(random.NextDouble() * 500)),
            };
        }

        if (random.NextDouble() < 0.6)
        {
            problem = problem with
            {
                Supply = new PowerSupply(
                    random.NextDouble() * (aiBase + fullMining),
                    new UsdPerMwh(20 + (random.NextDouble() * 30)),
                    new UsdPerMwh(random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 15)),
            };
        }
        else if (random.NextDouble() < 0.5)
        {
            problem = problem with { Supply = new PowerSupply(0, UsdPerMwh.Zero, new UsdPerMwh(random.NextDouble() * 10)) };
        }

        if (random.NextDouble() < 0.4)
        {
            problem = problem with { ReservePricesUsdPerMwh = [.. Enumerable.Range(0, intervals).Select(_ => (random.NextDouble() * 25) - 3)] };
        }

        if (random.NextDouble() < 0.3)
        {
            var peaks = Enumerable.Range(0, intervals).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToImmutableArray();
            problem = problem with { FourCp = new CoincidentPeakCharge(peaks, 50 + (random.NextDouble() * 100)) };
        }

        if (battery)
        {
            var energy = 5 + (random.NextDouble() * 40);
            problem = problem with
            {
                Battery = new Battery(2 + (random.NextDouble() * 20), energy, 0.8 + (random.NextDouble() * 0.15), energy * random.Next(0, 3) / 2),
            };
        }

        return problem;
    }
}
