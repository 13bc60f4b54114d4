using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HashPivot.Engine.Dispatch;

// Per-interval money and energy arithmetic shared by every solver, the evaluator and the strike rule, so that all of
// them price a schedule identically. Intervals must be added in increasing order (the 4CP cursor walks forward).
internal sealed class DispatchAccumulator
{
    private readonly DispatchProblem _problem;
    private readonly double _dt;
    private readonly double _cap;
    private readonly double _block;
    private readonly double _blockCostPerInterval;
    private readonly double _adder;
    private readonly double[]? _ai;
    private readonly double _aiRevenue;
    private readonly double _slaPenalty;
    private readonly double[]? _reservePrices;
    private readonly int[] _peaks;
    private readonly double _peakUsdPerMw;
    private readonly double[] _curtailedHours;
    private int _peakCursor;

    private double _minedMwh;
    private double _miningRevenue;
    private double _aiServedMwh;
    private double _aiShortfallMwh;
    private double _importMwh;
    private double _energyCost;
    private double _resoldMwh;
    private double _credits;
    private double _reserveMwh;
    private double _reserveRevenue;
    private double _fourCp;

    public DispatchAccumulator(DispatchProblem problem)
    {
        _problem = problem;
        _dt = problem.IntervalHours;
        _cap = problem.GridCap.Value;
        _block = problem.Supply.PpaBlockMw;
        _blockCostPerInterval = problem.Supply.PpaPrice.Value * _block * _dt;
        _adder = problem.Supply.Adder.Value;
        _ai = problem.Ai is { } ai ? ImmutableCollectionsMarshal.AsArray(ai.ProfileMw) : null;
        _aiRevenue = problem.Ai?.Revenue.Value ?? 0;
        _slaPenalty = problem.Ai?.SlaPenalty.Value ?? 0;
        _reservePrices = problem.ReservePricesUsdPerMwh.IsDefaultOrEmpty ? null : ImmutableCollectionsMarshal.AsArray(problem.ReservePricesUsdPerMwh);
        _peaks = problem.FourCp is { } cp ? [.. cp.Intervals.Order()] : [];
        _peakUsdPerMw = problem.FourCp?.UsdPerMwAtPeak ?? 0;
        _curtailedHours = new double[problem.Tiers.Length];
    }

    public double IntervalHours => _dt;

    /// <summary>AI MW served: the request, up to the grid cap (firm: mining yields first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AiServed(int t) => _ai is null ? 0 : Math.Min(_ai[t], _cap);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AiRequested(int t) => _ai is null ? 0 : _ai[t];

    /// <summary>Reserve price (USD/MW-h) in interval t; 0 when the site offers none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ReservePrice(int t) => _reservePrices is null ? 0 : _reservePrices[t];

    /// <summary>4CP charge per MW of import in interval t (USD/MW); walks a cursor, so t must not decrease between calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double PeakUsdPerMw(int t)
    {
        while (_peakCursor < _peaks.Length && _peaks[_peakCursor] < t)
        {
            _peakCursor++;
        }

        return _peakCursor < _peaks.Length && _peaks[_peakCursor] == t ? _peakUsdPerMw : 0;
    }

    /// <summary>Restarts the 4CP cursor (for a second pass over the horizon).</summary>
    public void RewindPeaks() => _peakCursor = 0;

    /// <summary>
    /// Net supply cost of importing X MW for one interval at price p: block payment − credits + purchases + 4CP,
    /// Δt·(C·Q − p·max(Q − X, 0) + (p + A)·max(X − Q, 0)) + κ·max(X, 0). Convex in X because A ≥ 0 and κ ≥ 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double SupplyCost(double price, double importMw, double peakUsdPerMw)
    {
        var above = importMw - _block;
        var energy = above > 0 ? (price + _adder) * above : price * above;
        return _blockCostPerInterval + (energy * _dt) + (peakUsdPerMw * Math.Max(importMw, 0));
    }

    /// <summary>Adds one interval: total mining MW and its revenue (USD), reserve MW, battery net MW (charge − discharge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int t, double price, double peakUsdPerMw, double miningMw, double miningRevenueUsd, double reserveMw, double batteryNetMw)
    {
        var ai = AiServed(t);
        var import = ai + miningMw + batteryNetMw;
        var above = import - _block;
        _minedMwh += miningMw * _dt;
        _miningRevenue += miningRevenueUsd;
        _aiServedMwh += ai * _dt;
        _aiShortfallMwh += (AiRequested(t) - ai) * _dt;
        _importMwh += import * _dt;
        if (above > 0)
        {
            _energyCost += (price + _adder) * above * _dt;
        }
        else
        {
            _resoldMwh -= above * _dt;
            _credits -= price * above * _dt;
        }

        _reserveMwh += reserveMw * _dt;
        _reserveRevenue += ReservePrice(t) * reserveMw * _dt;
        _fourCp += peakUsdPerMw * Math.Max(import, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddCurtailed(int tier) => _curtailedHours[tier] += _dt;

    /// <summary>Adds <paramref name="intervals"/> curtailed intervals of a tier at once.</summary>
    public void AddCurtailed(int tier, int intervals) => _curtailedHours[tier] += intervals * _dt;

    public DispatchTotals ToTotals()
    {
        var count = _problem.Count;
        var energyCost = _energyCost + (_blockCostPerInterval * count);
        var aiRevenue = _aiRevenue * _aiServedMwh;
        var sla = _slaPenalty * _aiShortfallMwh;
        var margin = _miningRevenue + aiRevenue + _credits + _reserveRevenue - energyCost - _fourCp - sla;
        double? btc = _problem.BtcPrice is { Value: > 0 } price ? _miningRevenue / price.Value : null;
        return new DispatchTotals(
            _minedMwh,
            btc,
            _miningRevenue,
            _aiServedMwh,
            aiRevenue,
            _aiShortfallMwh,
            sla,
            _importMwh,
            energyCost,
            _resoldMwh,
            _credits,
            _reserveMwh,
            _reserveRevenue,
            _fourCp,
            [.. _curtailedHours],
            margin);
    }
}
