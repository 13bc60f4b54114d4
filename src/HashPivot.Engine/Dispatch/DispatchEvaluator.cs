using System.Globalization;

namespace HashPivot.Engine.Dispatch;

/// <summary>Prices a dispatch schedule (totals in USD and MWh) and lists the constraints it breaks, the same way for every solver.</summary>
public static class DispatchEvaluator
{
    /// <summary>Totals of a schedule on a problem: revenue, costs, credits, reserve, 4CP, SLA and margin.</summary>
    public static DispatchTotals Evaluate(DispatchProblem problem, DispatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Count != problem.Count || schedule.TierCount != problem.Tiers.Length)
        {
            throw new ArgumentException("The schedule does not match the problem's intervals and tiers.", nameof(schedule));
        }

        var acc = new DispatchAccumulator(problem);
        var dt = problem.IntervalHours;
        var tiers = problem.Tiers;
        var mwOfTier = new double[tiers.Length];
        var rateOfTier = new double[tiers.Length];
        for (var t = 0; t < problem.Count; t++)
        {
            var hashprice = problem.HashpriceAt(t);
            var mining = 0.0;
            var revenue = 0.0;
            for (var i = 0; i < tiers.Length; i++)
            {
                var mw = schedule.TierMw(i)[t];
                mining += mw;
                mwOfTier[i] = mw;
                rateOfTier[i] = tiers[i].RevenueUsdPerMwh(hashprice) * dt;
                revenue += rateOfTier[i] * mw;
                if (mw < tiers[i].FullPowerMw - 1e-9)
                {
                    acc.AddCurtailed(i);
                }
            }

            var price = problem.PricesUsdPerMwh[t];
            var net = schedule.ChargeMw[t] - schedule.DischargeMw[t];
            if (acc.IsDeployed(t))
            {
                var shed = schedule.ReserveMw[t];
                acc.AddDeployed(t, price, acc.PeakUsdPerMw(t), mining, revenue - DispatchAccumulator.ShedLoss(mwOfTier, rateOfTier, shed), shed, net);
            }
            else
            {
                acc.Add(t, price, acc.PeakUsdPerMw(t), mining, revenue, schedule.ReserveMw[t], net);
            }
        }

        return acc.ToTotals();
    }

    /// <summary>Every constraint the schedule breaks by more than <paramref name="toleranceMw"/> (presets, ramp, dwell, reserve, grid cap, battery power, state of charge and its steps); empty when feasible.</summary>
    public static IReadOnlyList<string> Violations(DispatchProblem problem, DispatchSchedule schedule, double toleranceMw = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var problems = new List<string>();
        void Report(FormattableString message) => problems.Add(message.ToString(CultureInfo.InvariantCulture));

        for (var i = 0; i < problem.Tiers.Length; i++)
        {
            var tier = problem.Tiers[i];
            var mw = schedule.TierMw(i);
            var previous = 0.0;
            var on = false;
            var run = int.MaxValue / 2; // the tier starts off with its dwell already satisfied
            for (var t = 0; t < mw.Length; t++)
            {
                var value = mw[t];
                if (!tier.PowerStepsMw.Any(s => Math.Abs(s - value) <= toleranceMw))
                {
                    Report($"tier {tier.Name} t={t}: {value} MW is not a preset");
                }

                if (Math.Abs(value - previous) > tier.RampLimitMwPerInterval + toleranceMw)
                {
                    Report($"tier {tier.Name} t={t}: ramp {value - previous} MW exceeds {tier.RampLimitMwPerInterval}");
                }

                var nowOn = value > toleranceMw;
                if (nowOn != on)
                {
                    var minimum = on ? tier.MinOnIntervals : tier.MinOffIntervals;
                    if (run < minimum)
                    {
                        Report($"tier {tier.Name} t={t}: switched {(on ? "off" : "on")} after {run} intervals, minimum {minimum}");
                    }

                    run = 1;
                    on = nowOn;
                }
                else
                {
                    run++;
                }

                previous = value;
            }
        }

        var cap = problem.GridCap.Value;
        var battery = problem.Battery;
        for (var t = 0; t < problem.Count; t++)
        {
            var reserve = schedule.ReserveMw[t];
            var qualified = problem.DemandResponse?.QualifiedMw ?? double.PositiveInfinity;
            if (reserve < -toleranceMw || reserve > Math.Min(schedule.MiningMw(t), qualified) + toleranceMw)
            {
                Report($"t={t}: reserve {reserve} MW outside [0, min(mining MW, qualified {qualified} MW)]");
            }

            // Import before shedding (the presets) within the cap, and after shedding not below −cap.
            var import = schedule.ImportMw[t];
            if (import + schedule.ShedMw[t] > cap + toleranceMw || import < -cap - toleranceMw)
            {
                Report($"t={t}: import {import} MW (before shedding {import + schedule.ShedMw[t]}) beyond the grid cap {cap}");
            }

            if (!problem.MiningLimitMw.IsDefaultOrEmpty && schedule.MiningMw(t) > problem.MiningLimitMw[t] + toleranceMw)
            {
                Report($"t={t}: mining {schedule.MiningMw(t)} MW above the limit {problem.MiningLimitMw[t]} MW");
            }

            var (charge, discharge) = (schedule.ChargeMw[t], schedule.DischargeMw[t]);
            var power = battery?.PowerMw ?? 0;
            if (charge < -toleranceMw || discharge < -toleranceMw || charge > power + toleranceMw || discharge > power + toleranceMw)
            {
                Report($"t={t}: battery power {charge}/{discharge} MW outside [0, {power}]");
            }

            var soc = schedule.SocMwh[t];
            if (soc < -toleranceMw || soc > (battery?.EnergyMwh ?? 0) + toleranceMw)
            {
                Report($"t={t}: state of charge {soc} MWh outside the battery");
            }

            if (battery is { IsActive: true } && Math.Abs(((soc - battery.InitialSocMwh) / battery.EffectiveStepMwh) - Math.Round((soc - battery.InitialSocMwh) / battery.EffectiveStepMwh)) > 1e-6)
            {
                Report($"t={t}: state of charge {soc} MWh is not a whole number of {battery.EffectiveStepMwh} MWh steps from the initial {battery.InitialSocMwh}");
            }
        }

        if (battery is not null && schedule.Count > 0 && schedule.SocMwh[^1] < battery.InitialSocMwh - toleranceMw)
        {
            Report($"final state of charge {schedule.SocMwh[^1]} MWh below the initial {battery.InitialSocMwh}");
        }

        return problems;
    }
}
