using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Dispatch;

/// <summary>A tier of miners of one efficiency (J/TH) that runs at discrete power presets (MW), with optional minimum on/off dwell (intervals) and a ramp limit (MW per interval).</summary>
/// <param name="Name">Tier name, for reports.</param>
/// <param name="Efficiency">Energy per hash; revenue per MWh = hashprice ÷ J/TH × 1000 / 24.</param>
/// <param name="PowerStepsMw">The presets in MW, strictly increasing, the first one 0 (off); e.g. [0, 20, 40, 60].</param>
public sealed record MiningTier(string Name, JoulesPerTerahash Efficiency, ImmutableArray<double> PowerStepsMw)
{
    /// <summary>Once switched on (power &gt; 0) the tier stays on at least this many intervals (0 or 1: no constraint). Truncated at the horizon end.</summary>
    public int MinOnIntervals { get; init; }

    /// <summary>Once switched off the tier stays off at least this many intervals (0 or 1: no constraint). Truncated at the horizon end.</summary>
    public int MinOffIntervals { get; init; }

    /// <summary>Largest change of power between consecutive intervals in MW (also from the initial 0 MW); infinity when unlimited.</summary>
    public double RampLimitMwPerInterval { get; init; } = double.PositiveInfinity;

    /// <summary>Strike price of the simple rule (run at full power iff the interval price is at or below it); null: the tier's break-even, its revenue per MWh in that interval.</summary>
    public UsdPerMwh? StrikePrice { get; init; }

    /// <summary>The highest preset in MW.</summary>
    public double FullPowerMw => PowerStepsMw[^1];

    /// <summary>True when dwell or ramp limits tie consecutive intervals together (the schedule is no longer interval-by-interval).</summary>
    public bool IsTimeCoupled => MinOnIntervals > 1 || MinOffIntervals > 1 || RampLimitMwPerInterval < FullPowerMw;

    /// <summary>Revenue per MWh consumed at a hashprice: 1 MW at η J/TH hashes 1000/η PH/s, earning HP·1000/η USD a day over 24 MWh.</summary>
    public double RevenueUsdPerMwh(double hashpriceUsdPerPhDay) => hashpriceUsdPerPhDay / Efficiency.Value * 1000 / 24;
}

/// <summary>A firm AI/HPC load: its profile in MW per interval, revenue per MWh served and SLA penalty per MWh not served (USD/MWh).</summary>
/// <param name="ProfileMw">Requested load per interval (MW); served up to the grid cap, the rest is an SLA shortfall.</param>
/// <param name="Revenue">Earned per MWh served.</param>
/// <param name="SlaPenalty">Paid per MWh requested but not served because the connection cannot carry it.</param>
public sealed record AiLoad(ImmutableArray<double> ProfileMw, UsdPerMwh Revenue, UsdPerMwh SlaPenalty);

/// <summary>How the site buys power: a fixed-price PPA block (MW at USD/MWh, paid whether used or not, unused energy resold at the interval price) plus market purchases above the block at the interval price plus an adder (USD/MWh).</summary>
/// <param name="PpaBlockMw">Contracted block; 0 for a pure market (index) supply.</param>
/// <param name="PpaPrice">Price of the block, paid on the whole block every interval.</param>
/// <param name="Adder">Transmission/distribution adder on energy bought above the block (not ≥ 0 is rejected: the model would buy to resell).</param>
public sealed record PowerSupply(double PpaBlockMw, UsdPerMwh PpaPrice, UsdPerMwh Adder)
{
    /// <summary>Everything bought at the interval price, no adder, no block.</summary>
    public static PowerSupply Market { get; } = new(0, UsdPerMwh.Zero, UsdPerMwh.Zero);
}

/// <summary>ERCOT 4CP transmission charge: grid import (MW) in each given coincident-peak interval is billed rate (USD/kW-year) × MW × 1000 / 4.</summary>
/// <remarks>
/// The four summer peaks (one each June–September, 15-minute intervals) set a load's transmission share for the next
/// year; each peak weighs a quarter (domain.md §4.1). With hourly prices pass the hour that contains each peak. The
/// charge applies to positive import only (a battery exporting at the peak is not paid for it).
/// </remarks>
/// <param name="Intervals">Interval indexes of the peaks, each at most once.</param>
/// <param name="RateUsdPerKwYear">Transmission rate, typically 50–150 USD/kW-year.</param>
public sealed record CoincidentPeakCharge(ImmutableArray<int> Intervals, double RateUsdPerKwYear)
{
    /// <summary>Charge per MW of import at one peak interval: rate × 1000 kW/MW ÷ 4 peaks (USD/MW).</summary>
    public double UsdPerMwAtPeak => RateUsdPerKwYear * 1000 / 4;
}

/// <summary>A battery behind the site meter: power (MW), energy (MWh), round-trip efficiency, initial state of charge (MWh) and the state-of-charge step (MWh) it moves in.</summary>
/// <remarks>
/// <para>Losses are split evenly (η = √round trip on charge and on discharge). The final state of charge must be at
/// least the initial one, so the optimiser cannot sell stored energy it did not buy.</para>
/// <para><b>Steps are part of the model.</b> The state of charge moves in whole steps of <see cref="StepMwh"/> (s):
/// SoC = initial + s·j for an integer level offset j, within [0, energy]. In one interval of Δt hours the battery
/// either charges k ≥ 0 steps, drawing k·s ÷ (η·Δt) MW from the grid side, or discharges k steps, delivering
/// k·s·η ÷ Δt MW to the site side, never both; k is limited by the power: k·s ÷ (η·Δt) ≤ power when charging,
/// k·s·η ÷ Δt ≤ power when discharging. Every solver optimises this same model, so a step-wise optimum is exact.</para>
/// </remarks>
/// <param name="PowerMw">Largest charge or discharge power.</param>
/// <param name="EnergyMwh">Usable energy.</param>
/// <param name="RoundTripEfficiency">In (0, 1].</param>
/// <param name="InitialSocMwh">Stored energy before the first interval.</param>
public sealed record Battery(double PowerMw, double EnergyMwh, double RoundTripEfficiency, double InitialSocMwh)
{
    /// <summary>Number of steps the energy is divided into when <see cref="StepMwh"/> is not given (40).</summary>
    public const int DefaultSteps = 40;

    /// <summary>Largest number of state-of-charge levels a battery may have (keeps the exact DP and the MILP small).</summary>
    public const int MaxLevels = 4_096;

    // Levels closer than this (in steps) to a whole number count as whole, so 40 / 1 MWh is 40 steps, not 39.
    private const double StepSlack = 1e-9;

    /// <summary>State-of-charge step in MWh; null means energy ÷ <see cref="DefaultSteps"/>.</summary>
    public double? StepMwh { get; init; }

    /// <summary>Efficiency of one direction (√ round trip).</summary>
    public double OneWayEfficiency => Math.Sqrt(RoundTripEfficiency);

    /// <summary>The step in MWh actually used: <see cref="StepMwh"/>, or energy ÷ 40.</summary>
    public double EffectiveStepMwh => StepMwh ?? (EnergyMwh / DefaultSteps);

    /// <summary>True when the battery can move at all (power, energy and step positive).</summary>
    public bool IsActive => PowerMw > 0 && EnergyMwh > 0 && EffectiveStepMwh > 0;

    /// <summary>Level of the initial state of charge: the levels below it reach down towards 0 MWh (level 0 holds initial − s·this MWh).</summary>
    public int InitialLevel => IsActive ? (int)Math.Floor((InitialSocMwh / EffectiveStepMwh) + StepSlack) : 0;

    /// <summary>Highest level: SoC = initial + s·(this − <see cref="InitialLevel"/>) ≤ energy.</summary>
    public int MaxLevel => IsActive ? InitialLevel + (int)Math.Floor(((EnergyMwh - InitialSocMwh) / EffectiveStepMwh) + StepSlack) : 0;

    /// <summary>State of charge (MWh) at a level.</summary>
    public double SocAtLevel(int level) => InitialSocMwh + ((level - InitialLevel) * EffectiveStepMwh);

    /// <summary>Most steps the battery can charge in one interval of <paramref name="intervalHours"/>: k·s ÷ (η·Δt) ≤ power.</summary>
    public int MaxChargeSteps(double intervalHours) =>
        IsActive ? Math.Min(MaxLevel, (int)Math.Floor((PowerMw * OneWayEfficiency * intervalHours / EffectiveStepMwh) + StepSlack)) : 0;

    /// <summary>Most steps the battery can discharge in one interval of <paramref name="intervalHours"/>: k·s·η ÷ Δt ≤ power.</summary>
    public int MaxDischargeSteps(double intervalHours) =>
        IsActive ? Math.Min(MaxLevel, (int)Math.Floor((PowerMw * intervalHours / OneWayEfficiency / EffectiveStepMwh) + StepSlack)) : 0;

    /// <summary>Grid-side MW drawn while charging k steps in an interval of Δt hours: k·s ÷ (η·Δt).</summary>
    public double ChargeMw(int steps, double intervalHours) => steps * EffectiveStepMwh / (OneWayEfficiency * intervalHours);

    /// <summary>Site-side MW delivered while discharging k steps in an interval of Δt hours: k·s·η ÷ Δt.</summary>
    public double DischargeMw(int steps, double intervalHours) => steps * EffectiveStepMwh * OneWayEfficiency / intervalHours;
}

/// <summary>Demand response terms: the qualified MW cap on reserve offered, deployment events (interval indexes whose offered reserve is called and must be shed) and the energy payment per MWh shed (USD/MWh).</summary>
/// <remarks>
/// Reserve offered R ≤ min(mining MW, qualified MW). In a deployment interval the offered MW are shed for the whole
/// interval: mining consumes its presets' MW − R, the shed MW earn no hash revenue (the MW earning least per MWh are
/// shed first: any solver maximising margin sheds those) and are paid the reserve price plus the energy payment. The
/// presets themselves (the load before shedding) must fit the grid cap. Deployments are inputs, known to the
/// optimiser (a replayed year), so it chooses R knowing which intervals will be called.
/// </remarks>
/// <param name="QualifiedMw">Most reserve MW the site is qualified to offer; infinity for no cap.</param>
public sealed record DemandResponse(double QualifiedMw)
{
    /// <summary>Intervals in which the offered reserve is deployed (each at most once); empty when none.</summary>
    public ImmutableArray<int> DeploymentIntervals { get; init; } = [];

    /// <summary>Energy payment per MWh shed during a deployment (USD/MWh), on top of the reserve capacity price.</summary>
    public UsdPerMwh DeploymentPayment { get; init; } = UsdPerMwh.Zero;
}

/// <summary>Everything the dispatch of one hybrid site needs: interval prices (USD/MWh), grid cap (MW), mining tiers, hashprice (USD/PH/day), AI load, supply contract, reserve prices, 4CP and battery.</summary>
/// <remarks>
/// Grid import X = AI served + Σ mining + battery charge − battery discharge must stay within [−cap, cap]; AI served is
/// min(request, cap) (firm: mining yields first). Per interval of length Δt hours with price p, block Q at C, adder A:
/// energy cost = Δt·(C·Q + (p + A)·max(X − Q, 0)); power credits = Δt·p·max(Q − X, 0) (negative when p &lt; 0).
/// Reserve offered ≤ min(mining MW, qualified MW) and pays the reserve price per MW-hour; in a deployment interval it is
/// shed (<see cref="Dispatch.DemandResponse"/>). Mining may be limited per interval (<see cref="MiningLimitMw"/>).
/// Margin = mining revenue + AI revenue + power credits + reserve and deployment payments − energy cost − 4CP − SLA penalties.
/// </remarks>
/// <param name="Interval">Length of each interval (for example 1 h or 15 min).</param>
/// <param name="PricesUsdPerMwh">Interval energy prices at the site's settlement point; may be negative or at the cap.</param>
/// <param name="GridCap">Grid connection limit.</param>
/// <param name="Tiers">Mining tiers.</param>
/// <param name="Hashprice">Constant hashprice, used when <see cref="HashpriceSeriesUsdPerPhDay"/> is empty.</param>
public sealed record DispatchProblem(
    TimeSpan Interval,
    ImmutableArray<double> PricesUsdPerMwh,
    Megawatts GridCap,
    ImmutableArray<MiningTier> Tiers,
    UsdPerPetahashDay Hashprice)
{
    /// <summary>Hashprice per interval in USD/PH/day; empty (default) to use the constant <see cref="Hashprice"/>.</summary>
    public ImmutableArray<double> HashpriceSeriesUsdPerPhDay { get; init; } = [];

    /// <summary>Firm AI load; null when the site has none.</summary>
    public AiLoad? Ai { get; init; }

    /// <summary>The supply contract; market purchases without adder by default.</summary>
    public PowerSupply Supply { get; init; } = PowerSupply.Market;

    /// <summary>Reserve (ancillary service) capacity price per interval in USD per MW-hour offered; empty when the site offers none.</summary>
    public ImmutableArray<double> ReservePricesUsdPerMwh { get; init; } = [];

    /// <summary>4CP charge; null when the site is not billed on coincident peaks.</summary>
    public CoincidentPeakCharge? FourCp { get; init; }

    /// <summary>Battery; null when the site has none.</summary>
    public Battery? Battery { get; init; }

    /// <summary>Demand response terms (qualified MW, deployment events); null: reserve up to the mining MW, never deployed.</summary>
    public DemandResponse? DemandResponse { get; init; }

    /// <summary>Most mining MW allowed per interval (for example a 4CP rule's curtailment); empty when mining is limited only by the grid cap.</summary>
    public ImmutableArray<double> MiningLimitMw { get; init; } = [];

    /// <summary>BTC price to turn mining revenue into BTC mined; null when not given.</summary>
    public UsdPerBtc? BtcPrice { get; init; }

    /// <summary>Number of intervals.</summary>
    public int Count => PricesUsdPerMwh.Length;

    /// <summary>Interval length in hours (Δt).</summary>
    public double IntervalHours => Interval.TotalHours;

    /// <summary>True when any tier has dwell or ramp limits or the site has a battery: intervals are then coupled.</summary>
    public bool IsTimeCoupled => Battery is not null || Tiers.Any(t => t.IsTimeCoupled);

    /// <summary>Hashprice in interval <paramref name="t"/> (USD/PH/day).</summary>
    public double HashpriceAt(int t) => HashpriceSeriesUsdPerPhDay.IsDefaultOrEmpty ? Hashprice.Value : HashpriceSeriesUsdPerPhDay[t];

    /// <summary>Checks every rule of the model and throws on the first one broken (programmer errors: user input is validated at the edges).</summary>
    /// <exception cref="ArgumentException">A length, sign or range is wrong.</exception>
    public void Validate()
    {
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Interval must be positive, not {Interval}.", nameof(Interval));
        }

        if (PricesUsdPerMwh.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one interval price is needed.", nameof(PricesUsdPerMwh));
        }

        RequireFinite(PricesUsdPerMwh.AsSpan(), nameof(PricesUsdPerMwh));
        RequireNonNegative(GridCap.Value, nameof(GridCap));
        if (Tiers.IsDefault)
        {
            throw new ArgumentException("Tiers must be given (empty is allowed).", nameof(Tiers));
        }

        foreach (var tier in Tiers)
        {
            ValidateTier(tier);
        }

        RequireFinite(Hashprice.Value, nameof(Hashprice));
        RequireLength(HashpriceSeriesUsdPerPhDay, nameof(HashpriceSeriesUsdPerPhDay), allowEmpty: true);
        RequireLength(ReservePricesUsdPerMwh, nameof(ReservePricesUsdPerMwh), allowEmpty: true);
        if (Ai is { } ai)
        {
            RequireLength(ai.ProfileMw, nameof(Ai), allowEmpty: false);
            RequireNonNegative(ai.ProfileMw.AsSpan(), nameof(Ai));

            RequireFinite(ai.Revenue.Value, nameof(Ai));
            RequireNonNegative(ai.SlaPenalty.Value, nameof(Ai));
        }

        ArgumentNullException.ThrowIfNull(Supply);
        RequireNonNegative(Supply.PpaBlockMw, nameof(Supply));
        RequireFinite(Supply.PpaPrice.Value, nameof(Supply));
        RequireNonNegative(Supply.Adder.Value, nameof(Supply));
        if (FourCp is { } cp)
        {
            RequireNonNegative(cp.RateUsdPerKwYear, nameof(FourCp));
            if (cp.Intervals.IsDefault || cp.Intervals.Any(i => i < 0 || i >= Count) || cp.Intervals.Distinct().Count() != cp.Intervals.Length)
            {
                throw new ArgumentException("4CP intervals must be distinct indexes inside the horizon.", nameof(FourCp));
            }
        }

        if (DemandResponse is { } dr)
        {
            if (!(dr.QualifiedMw >= 0))
            {
                throw new ArgumentException($"Qualified reserve MW must not be negative, not {dr.QualifiedMw}.", nameof(DemandResponse));
            }

            RequireFinite(dr.DeploymentPayment.Value, nameof(DemandResponse));
            if (dr.DeploymentIntervals.IsDefault || dr.DeploymentIntervals.Any(i => i < 0 || i >= Count) || dr.DeploymentIntervals.Distinct().Count() != dr.DeploymentIntervals.Length)
            {
                throw new ArgumentException("Deployment intervals must be distinct indexes inside the horizon.", nameof(DemandResponse));
            }
        }

        RequireLength(MiningLimitMw, nameof(MiningLimitMw), allowEmpty: true);
        if (!MiningLimitMw.IsDefaultOrEmpty)
        {
            RequireNonNegative(MiningLimitMw.AsSpan(), nameof(MiningLimitMw));
        }

        if (Battery is { } battery)
        {
            RequireNonNegative(battery.PowerMw, nameof(Battery));
            RequireNonNegative(battery.EnergyMwh, nameof(Battery));
            if (battery.RoundTripEfficiency is not (> 0 and <= 1) || battery.InitialSocMwh < 0 || battery.InitialSocMwh > battery.EnergyMwh)
            {
                throw new ArgumentException("Battery efficiency must be in (0, 1] and the initial charge within [0, energy].", nameof(Battery));
            }

            if (battery.StepMwh is { } step && !(step > 0 && double.IsFinite(step)))
            {
                throw new ArgumentException($"Battery step must be positive and finite, not {step}.", nameof(Battery));
            }

            if (battery.IsActive && battery.MaxLevel + 1 > Battery.MaxLevels)
            {
                throw new ArgumentException($"Battery energy ÷ step gives more than {Battery.MaxLevels} state-of-charge levels; use a larger step.", nameof(Battery));
            }
        }
    }

    private static void ValidateTier(MiningTier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        var steps = tier.PowerStepsMw;
        if (steps.IsDefaultOrEmpty || steps[0] != 0)
        {
            throw new ArgumentException($"Tier '{tier.Name}': presets must start with 0 MW (off).", nameof(Tiers));
        }

        for (var k = 1; k < steps.Length; k++)
        {
            if (!(steps[k] > steps[k - 1]) || !double.IsFinite(steps[k]))
            {
                throw new ArgumentException($"Tier '{tier.Name}': presets must be finite and strictly increasing.", nameof(Tiers));
            }
        }

        if (!(tier.Efficiency.Value > 0) || tier.MinOnIntervals < 0 || tier.MinOffIntervals < 0 || !(tier.RampLimitMwPerInterval >= 0))
        {
            throw new ArgumentException($"Tier '{tier.Name}': efficiency must be positive, dwell and ramp not negative.", nameof(Tiers));
        }
    }

    private void RequireLength(ImmutableArray<double> values, string name, bool allowEmpty)
    {
        if (values.IsDefaultOrEmpty && allowEmpty)
        {
            return;
        }

        if (values.IsDefault || values.Length != Count)
        {
            throw new ArgumentException($"{name} must have one value per interval ({Count}).", name);
        }

        RequireFinite(values.AsSpan(), name);
    }

    // Validation runs on every solve, and a year of hourly series is tens of thousands of values: the common (valid)
    // case is one vector comparison per few values; only a failure walks the values one by one to name the culprit.
    private static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        if (AllWithin(values, double.MinValue, double.MaxValue))
        {
            return;
        }

        foreach (var v in values)
        {
            RequireFinite(v, name);
        }
    }

    private static void RequireNonNegative(ReadOnlySpan<double> values, string name)
    {
        if (AllWithin(values, 0, double.MaxValue))
        {
            return;
        }

        foreach (var v in values)
        {
            RequireNonNegative(v, name);
        }
    }

    // True when every value lies in [low, high]; NaN compares false, so it fails as it should.
    private static bool AllWithin(ReadOnlySpan<double> values, double low, double high)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var lows = new Vector<double>(low);
            var highs = new Vector<double>(high);
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            foreach (var v in vectors)
            {
                if (!Vector.GreaterThanOrEqualAll(v, lows) || !Vector.LessThanOrEqualAll(v, highs))
                {
                    return false;
                }
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (!(values[i] >= low && values[i] <= high))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be finite, not {value}.", name);
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be finite and not negative, not {value}.", name);
        }
    }
}
