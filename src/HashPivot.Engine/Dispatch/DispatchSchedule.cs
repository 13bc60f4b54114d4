namespace HashPivot.Engine.Dispatch;

/// <summary>A dispatch schedule per interval: MW per mining tier (presets, before any reserve deployment sheds part of them), AI MW served, reserve MW offered, battery charge/discharge MW, grid import MW, energy resold (MWh) and battery state of charge (MWh, end of interval).</summary>
/// <remarks>Arrays are owned by the schedule (copied on the public path), so a schedule is immutable.</remarks>
public sealed class DispatchSchedule
{
    private readonly double[] _tierMw;
    private readonly double[] _aiServedMw;
    private readonly double[] _reserveMw;
    private readonly double[] _chargeMw;
    private readonly double[] _dischargeMw;
    private readonly double[] _importMw;
    private readonly double[] _resoldMwh;
    private readonly double[] _socMwh;
    private readonly double[] _shedMw;

    // Takes ownership of the decision arrays (tier-major: tier i's interval t at [i * count + t]) and derives the rest.
    internal DispatchSchedule(DispatchProblem problem, double[] tierMw, double[] reserveMw, double[] chargeMw, double[] dischargeMw)
    {
        var count = problem.Count;
        var tiers = problem.Tiers.Length;
        if (tierMw.Length != tiers * count || reserveMw.Length != count || chargeMw.Length != count || dischargeMw.Length != count)
        {
            throw new ArgumentException("Decision arrays must have one value per interval (and per tier).", nameof(tierMw));
        }

        Count = count;
        TierCount = tiers;
        _tierMw = tierMw;
        _reserveMw = reserveMw;
        _chargeMw = chargeMw;
        _dischargeMw = dischargeMw;
        _aiServedMw = new double[count];
        _importMw = new double[count];
        _resoldMwh = new double[count];
        _socMwh = new double[count];
        _shedMw = new double[count];
        foreach (var t in problem.DemandResponse?.DeploymentIntervals ?? [])
        {
            _shedMw[t] = reserveMw[t];
        }

        var cap = problem.GridCap.Value;
        var block = problem.Supply.PpaBlockMw;
        var dt = problem.IntervalHours;
        var eta = problem.Battery?.OneWayEfficiency ?? 1;
        var soc = problem.Battery?.InitialSocMwh ?? 0;
        for (var t = 0; t < count; t++)
        {
            var ai = problem.Ai is { } load ? Math.Min(load.ProfileMw[t], cap) : 0;
            var mining = 0.0;
            for (var i = 0; i < tiers; i++)
            {
                mining += tierMw[(i * count) + t];
            }

            var import = ai + mining - _shedMw[t] + chargeMw[t] - dischargeMw[t];
            soc += (chargeMw[t] * eta - dischargeMw[t] / eta) * dt;
            _aiServedMw[t] = ai;
            _importMw[t] = import;
            _resoldMwh[t] = Math.Max(block - import, 0) * dt;
            _socMwh[t] = soc;
        }
    }

    /// <summary>Builds a schedule from decisions: MW per tier (tier-major, tier i's interval t at i × count + t), reserve MW, battery charge and discharge MW (empty spans mean zero).</summary>
    public static DispatchSchedule FromDecisions(
        DispatchProblem problem,
        ReadOnlySpan<double> tierMwTierMajor,
        ReadOnlySpan<double> reserveMw,
        ReadOnlySpan<double> chargeMw,
        ReadOnlySpan<double> dischargeMw)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var count = problem.Count;
        return new DispatchSchedule(
            problem,
            tierMwTierMajor.ToArray(),
            reserveMw.IsEmpty ? new double[count] : reserveMw.ToArray(),
            chargeMw.IsEmpty ? new double[count] : chargeMw.ToArray(),
            dischargeMw.IsEmpty ? new double[count] : dischargeMw.ToArray());
    }

    /// <summary>Number of intervals.</summary>
    public int Count { get; }

    /// <summary>Number of mining tiers.</summary>
    public int TierCount { get; }

    /// <summary>MW of tier <paramref name="tier"/> per interval.</summary>
    public ReadOnlySpan<double> TierMw(int tier) => _tierMw.AsSpan(tier * Count, Count);

    /// <summary>All tiers' MW, tier-major (tier i's interval t at i × <see cref="Count"/> + t).</summary>
    public ReadOnlySpan<double> AllTierMw => _tierMw;

    /// <summary>AI load served per interval (MW).</summary>
    public ReadOnlySpan<double> AiServedMw => _aiServedMw;

    /// <summary>Reserve offered per interval (MW).</summary>
    public ReadOnlySpan<double> ReserveMw => _reserveMw;

    /// <summary>Mining MW shed per interval: the reserve offered in a deployment interval, 0 elsewhere (tier MW are the presets before shedding).</summary>
    public ReadOnlySpan<double> ShedMw => _shedMw;

    /// <summary>Battery charging power per interval (MW, drawn from the grid side).</summary>
    public ReadOnlySpan<double> ChargeMw => _chargeMw;

    /// <summary>Battery discharging power per interval (MW, delivered to the site side).</summary>
    public ReadOnlySpan<double> DischargeMw => _dischargeMw;

    /// <summary>Net grid import per interval (MW; negative is export).</summary>
    public ReadOnlySpan<double> ImportMw => _importMw;

    /// <summary>Energy resold at the interval price per interval (MWh): unused PPA block plus any export.</summary>
    public ReadOnlySpan<double> ResoldMwh => _resoldMwh;

    /// <summary>Battery state of charge at the end of each interval (MWh).</summary>
    public ReadOnlySpan<double> SocMwh => _socMwh;

    /// <summary>Total mining MW in interval <paramref name="t"/>.</summary>
    public double MiningMw(int t)
    {
        var sum = 0.0;
        for (var i = 0; i < TierCount; i++)
        {
            sum += _tierMw[(i * Count) + t];
        }

        return sum;
    }
}
