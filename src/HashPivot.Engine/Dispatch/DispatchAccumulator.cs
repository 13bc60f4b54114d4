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
    private readonly bool[]? _deployed;
    private readonly double _deploymentPayment;
    private readonly double _qualifiedMw;
    private readonly double[]? _miningLimit;
    private int _peakCursor;

    private Sums _sums;

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
        if (problem.DemandResponse is { } dr)
        {
            _qualifiedMw = dr.QualifiedMw;
            _deploymentPayment = dr.DeploymentPayment.Value;
            if (dr.DeploymentIntervals.Length > 0)
            {
                _deployed = new bool[problem.Count];
                foreach (var t in dr.DeploymentIntervals)
                {
                    _deployed[t] = true;
                }
            }
        }
        else
        {
            _qualifiedMw = double.PositiveInfinity;
        }

        _miningLimit = problem.MiningLimitMw.IsDefaultOrEmpty ? null : ImmutableCollectionsMarshal.AsArray(problem.MiningLimitMw);
    }

    /// <summary>Most reserve MW the site may offer (infinity without a cap).</summary>
    public double QualifiedMw => _qualifiedMw;

    /// <summary>Energy payment per MWh shed in a deployment (USD/MWh).</summary>
    public double DeploymentPayment => _deploymentPayment;

    /// <summary>True when any interval is a reserve deployment.</summary>
    public bool HasDeployments => _deployed is not null;

    /// <summary>True when the offered reserve is deployed (shed) in interval t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDeployed(int t) => _deployed is not null && _deployed[t];

    /// <summary>True when some interval limits mining below the grid cap.</summary>
    public bool HasMiningLimit => _miningLimit is not null;

    /// <summary>Most mining MW allowed in interval t (infinity without a limit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MiningLimit(int t) => _miningLimit is null ? double.PositiveInfinity : _miningLimit[t];

    /// <summary>
    /// Revenue lost by shedding <paramref name="shedMw"/> from the tiers' MW, the MW earning least first (what a
    /// margin-maximising solver sheds): Σ rate × MW shed, with <paramref name="ratePerMw"/> the revenue per MW of each tier.
    /// </summary>
    public static double ShedLoss(ReadOnlySpan<double> tierMw, ReadOnlySpan<double> ratePerMw, double shedMw)
    {
        var loss = 0.0;
        var left = shedMw;
        Span<bool> used = stackalloc bool[tierMw.Length];
        while (left > 0)
        {
            var cheapest = -1;
            for (var i = 0; i < tierMw.Length; i++)
            {
                if (!used[i] && tierMw[i] > 0 && (cheapest < 0 || ratePerMw[i] < ratePerMw[cheapest]))
                {
                    cheapest = i;
                }
            }

            if (cheapest < 0)
            {
                break;
            }

            used[cheapest] = true;
            var take = Math.Min(left, tierMw[cheapest]);
            loss += take * ratePerMw[cheapest];
            left -= take;
        }

        return loss;
    }

    public double IntervalHours => _dt;

    /// <summary>The 4CP peak intervals in increasing order (for a caller that walks them itself).</summary>
    public ReadOnlySpan<int> PeakIntervals => _peaks;

    /// <summary>4CP charge per MW of import at a peak interval (USD/MW); 0 without 4CP.</summary>
    public double PeakChargeUsdPerMw => _peakUsdPerMw;

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
    public void Add(int t, double price, double peakUsdPerMw, double miningMw, double miningRevenueUsd, double reserveMw, double batteryNetMw) =>
        Add(ref _sums, t, price, peakUsdPerMw, miningMw, miningRevenueUsd, reserveMw, batteryNetMw);

    /// <summary>
    /// The same into running sums the caller holds (a local in a hot loop, which the JIT can keep in registers where
    /// the fields of this object would be reloaded and stored every interval); hand them back with <see cref="Merge"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ref Sums sums, int t, double price, double peakUsdPerMw, double miningMw, double miningRevenueUsd, double reserveMw, double batteryNetMw) =>
        Add(ref sums, price, peakUsdPerMw, AiServed(t), AiRequested(t), ReservePrice(t), miningMw, miningRevenueUsd, reserveMw, batteryNetMw);

    /// <summary>The same with the interval's AI served and requested (MW) and reserve price already read by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ref Sums sums, double price, double peakUsdPerMw, double aiServedMw, double aiRequestedMw, double reservePrice, double miningMw, double miningRevenueUsd, double reserveMw, double batteryNetMw)
    {
        var import = aiServedMw + miningMw + batteryNetMw;
        var above = import - _block;
        sums.MinedMwh += miningMw * _dt;
        sums.MiningRevenue += miningRevenueUsd;
        sums.AiServedMwh += aiServedMw * _dt;
        sums.AiShortfallMwh += (aiRequestedMw - aiServedMw) * _dt;
        sums.ImportMwh += import * _dt;
        if (above > 0)
        {
            sums.EnergyCost += (price + _adder) * above * _dt;
        }
        else
        {
            sums.ResoldMwh -= above * _dt;
            sums.Credits -= price * above * _dt;
        }

        sums.ReserveMwh += reserveMw * _dt;
        sums.ReserveRevenue += reservePrice * reserveMw * _dt;
        sums.FourCp += peakUsdPerMw * Math.Max(import, 0);
    }

    /// <summary>
    /// Adds one interval whose offered reserve is deployed: the presets' mining MW (before shedding), the revenue of
    /// what still runs (USD), the MW shed (= reserve offered) and the battery net MW.
    /// </summary>
    public void AddDeployed(int t, double price, double peakUsdPerMw, double presetMw, double miningRevenueUsd, double shedMw, double batteryNetMw)
    {
        Add(ref _sums, price, peakUsdPerMw, AiServed(t), AiRequested(t), ReservePrice(t), presetMw - shedMw, miningRevenueUsd, shedMw, batteryNetMw);
        _sums.DeployedMwh += shedMw * _dt;
        _sums.DeploymentPayment += _deploymentPayment * shedMw * _dt;
    }

    /// <summary>Adds running sums kept outside (see the <c>ref</c> overload of Add).</summary>
    public void Merge(in Sums sums)
    {
        _sums.MinedMwh += sums.MinedMwh;
        _sums.MiningRevenue += sums.MiningRevenue;
        _sums.AiServedMwh += sums.AiServedMwh;
        _sums.AiShortfallMwh += sums.AiShortfallMwh;
        _sums.ImportMwh += sums.ImportMwh;
        _sums.EnergyCost += sums.EnergyCost;
        _sums.ResoldMwh += sums.ResoldMwh;
        _sums.Credits += sums.Credits;
        _sums.ReserveMwh += sums.ReserveMwh;
        _sums.ReserveRevenue += sums.ReserveRevenue;
        _sums.FourCp += sums.FourCp;
        _sums.DeployedMwh += sums.DeployedMwh;
        _sums.DeploymentPayment += sums.DeploymentPayment;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddCurtailed(int tier) => _curtailedHours[tier] += _dt;

    /// <summary>Adds <paramref name="intervals"/> curtailed intervals of a tier at once.</summary>
    public void AddCurtailed(int tier, int intervals) => _curtailedHours[tier] += intervals * _dt;

    public DispatchTotals ToTotals()
    {
        var count = _problem.Count;
        var energyCost = _sums.EnergyCost + (_blockCostPerInterval * count);
        var aiRevenue = _aiRevenue * _sums.AiServedMwh;
        var sla = _slaPenalty * _sums.AiShortfallMwh;
        var margin = _sums.MiningRevenue + aiRevenue + _sums.Credits + _sums.ReserveRevenue + _sums.DeploymentPayment - energyCost - _sums.FourCp - sla;
        double? btc = _problem.BtcPrice is { Value: > 0 } price ? _sums.MiningRevenue / price.Value : null;
        return new DispatchTotals(
            _sums.MinedMwh,
            btc,
            _sums.MiningRevenue,
            _sums.AiServedMwh,
            aiRevenue,
            _sums.AiShortfallMwh,
            sla,
            _sums.ImportMwh,
            energyCost,
            _sums.ResoldMwh,
            _sums.Credits,
            _sums.ReserveMwh,
            _sums.ReserveRevenue,
            _sums.FourCp,
            [.. _curtailedHours],
            margin)
        {
            DeployedMwh = _sums.DeployedMwh,
            DeploymentPaymentUsd = _sums.DeploymentPayment,
        };
    }

    /// <summary>Running sums of one horizon (MWh and USD), before the block payment, AI revenue and SLA are applied.</summary>
    internal struct Sums
    {
        public double MinedMwh;
        public double MiningRevenue;
        public double AiServedMwh;
        public double AiShortfallMwh;
        public double ImportMwh;
        public double EnergyCost;
        public double ResoldMwh;
        public double Credits;
        public double ReserveMwh;
        public double ReserveRevenue;
        public double FourCp;
        public double DeployedMwh;
        public double DeploymentPayment;
    }
}
