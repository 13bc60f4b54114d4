namespace HashPivot.Engine.Dispatch;

// Forward dynamic programming over the joint state of a group of tiers (each tier: preset × time in status, see
// TierStates) and, optionally, a battery state-of-charge grid, with backtracking. The maximum over predecessors is
// taken one dimension at a time (the transition set is a Cartesian product of per-dimension sets), so a step costs
// Σ_d S·deg_d instead of S·Π_d deg_d. Per interval the value of each preset combination is computed once.
// Used for one tier alone (when tiers decouple), for all tiers jointly, or for all tiers plus the battery.
internal sealed class JointDp
{
    // Backtracking keeps one predecessor index per state and interval; beyond this (2 bytes each) refuse.
    private const long MaxHistoryEntries = 1L << 26;

    private readonly FastDispatchSolverContext _c;
    private readonly int[] _presets;
    private readonly double[]? _batteryNet;
    private readonly int[] _tiers;
    private readonly bool _alone;
    private readonly double _fullMw;
    private readonly TierStates[] _states;
    private readonly int[] _stride;
    private readonly int _tierStates;
    private readonly int _total;
    private readonly int[] _comboOfState;
    private readonly int _combinations;

    // Battery levels (Battery: SoC = initial + (level − initialLevel)·step, levels 0..maxLevel); transitions of at
    // most maxUp levels up (charging) and maxDown levels down (discharging) per interval.
    private readonly Battery? _battery;
    private readonly int _levels;
    private readonly int _initialLevel;
    private readonly int _maxUp;
    private readonly int _maxDown;

    public JointDp(FastDispatchSolverContext context, int[] presets, double[]? batteryNet, int onlyTier = -1)
    {
        _c = context;
        _presets = presets;
        _batteryNet = batteryNet;
        _tiers = onlyTier >= 0 ? [onlyTier] : [.. Enumerable.Range(0, context.TierCount)];
        _alone = onlyTier >= 0;
        _fullMw = context.FullMw.Sum();
        _states = [.. _tiers.Select(i => new TierStates(context.Problem.Tiers[i]))];
        _stride = new int[_tiers.Length];
        long size = 1;
        for (var d = 0; d < _tiers.Length; d++)
        {
            _stride[d] = (int)size;
            size *= _states[d].Count;
            if (size > FastDispatchSolver.MaxJointStates)
            {
                throw new NotSupportedException($"The joint tier state space exceeds {FastDispatchSolver.MaxJointStates} states; use fewer tiers, presets or shorter dwell.");
            }
        }

        _tierStates = (int)size;
        _levels = 1;
        if (batteryNet is not null && context.Problem.Battery is { IsActive: true } battery)
        {
            _battery = battery;
            _initialLevel = battery.InitialLevel;
            _levels = battery.MaxLevel + 1;
            _maxUp = battery.MaxChargeSteps(context.Dt);
            _maxDown = battery.MaxDischargeSteps(context.Dt);
        }

        _total = checked(_tierStates * _levels);
        if (_total > FastDispatchSolver.MaxJointStates || (long)_total * context.Problem.Count > MaxHistoryEntries)
        {
            throw new NotSupportedException($"Joint state space {_total} × {context.Problem.Count} intervals is too large for the exact DP.");
        }

        _combinations = 1;
        foreach (var tier in _tiers)
        {
            _combinations *= context.Steps[tier].Length;
        }

        _comboOfState = new int[_tierStates];
        for (var s = 0; s < _tierStates; s++)
        {
            var combo = 0;
            var radix = 1;
            for (var d = 0; d < _tiers.Length; d++)
            {
                combo += _states[d].PresetOf[(s / _stride[d]) % _states[d].Count] * radix;
                radix *= _states[d].Presets;
            }

            _comboOfState[s] = combo;
        }
    }

    /// <summary>Runs the DP, writes the chosen presets (and battery net MW); false when no schedule is feasible.</summary>
    public bool Run()
    {
        var count = _c.Problem.Count;
        var n = _c.TierCount;
        _c.Acc.RewindPeaks(); // the 4CP cursor is shared: each DP pass walks the horizon from the start
        var value = new double[_total];
        var work = new double[_total];
        var arg = new int[_total];
        var workArg = new int[_total];
        // Predecessor of each state per interval, for backtracking: a state index is below MaxJointStates = 2^16, so
        // it fits a ushort (half the memory of an int; this table is almost all of a coupled year's allocation).
        // Unreachable states store no predecessor (−1 wraps to 65,535) but are never followed.
        var history = new ushort[_total * count];
        var deltas = _maxUp + _maxDown + 1;
        var reward = new double[_combinations * deltas];
        var tierValue = new double[n];
        Array.Fill(value, double.NegativeInfinity);
        var initial = 0;
        for (var d = 0; d < _tiers.Length; d++)
        {
            initial += _states[d].Initial * _stride[d];
        }

        value[initial + (_initialLevel * _tierStates)] = 0;
        for (var t = 0; t < count; t++)
        {
            Rewards(t, tierValue, reward);

            // Identity argument, then the maximum over each tier's predecessors, dimension by dimension.
            for (var s = 0; s < _total; s++)
            {
                arg[s] = s;
            }

            for (var d = 0; d < _tiers.Length; d++)
            {
                var states = _states[d];
                var stride = _stride[d];
                for (var s = 0; s < _total; s++)
                {
                    var own = (s / stride) % states.Count;
                    var baseIndex = s - (own * stride);
                    var best = double.NegativeInfinity;
                    var bestArg = -1;
                    for (var p = states.PredecessorStart[own]; p < states.PredecessorStart[own + 1]; p++)
                    {
                        var from = baseIndex + (states.Predecessors[p] * stride);
                        if (value[from] > best)
                        {
                            best = value[from];
                            bestArg = arg[from];
                        }
                    }

                    work[s] = best;
                    workArg[s] = bestArg;
                }

                (value, work) = (work, value);
                (arg, workArg) = (workArg, arg);
            }

            // Battery levels last, because the reward depends on the level change; then add the interval's reward.
            var row = t * _total;
            for (var s = 0; s < _total; s++)
            {
                var tierState = s % _tierStates;
                var level = s / _tierStates;
                var combo = _comboOfState[tierState];
                var best = double.NegativeInfinity;
                var bestArg = -1;
                var low = Math.Max(0, level - _maxUp);
                var high = Math.Min(_levels - 1, level + _maxDown);
                for (var from = low; from <= high; from++)
                {
                    var source = tierState + (from * _tierStates);
                    var candidate = value[source] + reward[((level - from + _maxDown) * _combinations) + combo];
                    if (candidate > best)
                    {
                        best = candidate;
                        bestArg = arg[source];
                    }
                }

                work[s] = best;
                history[row + s] = unchecked((ushort)bestArg);
            }

            (value, work) = (work, value);
        }

        var end = -1;
        var endValue = double.NegativeInfinity;
        for (var s = _initialLevel * _tierStates; s < _total; s++)
        {
            if (value[s] > endValue)
            {
                (end, endValue) = (s, value[s]);
            }
        }

        if (end < 0)
        {
            return false;
        }

        for (var t = count - 1; t >= 0; t--)
        {
            var tierState = end % _tierStates;
            for (var d = 0; d < _tiers.Length; d++)
            {
                _presets[(_tiers[d] * count) + t] = _states[d].PresetOf[(tierState / _stride[d]) % _states[d].Count];
            }

            var previous = history[(t * _total) + end];
            if (_batteryNet is not null)
            {
                _batteryNet[t] = NetMw((end / _tierStates) - (previous / _tierStates));
            }

            end = previous;
        }

        return true;
    }

    // Net grid MW of the battery for a change of `delta` levels in one interval (Battery.ChargeMw / DischargeMw).
    private double NetMw(int delta) => _battery is null ? 0
        : delta >= 0 ? _battery.ChargeMw(delta, _c.Dt) : -_battery.DischargeMw(-delta, _c.Dt);

    // reward[(delta + maxDown) · combinations + combo]: value of the interval for each battery level change and preset combination.
    private void Rewards(int t, double[] tierValue, double[] reward)
    {
        _c.TierValues(t, tierValue);
        var peak = _c.Acc.PeakUsdPerMw(t);
        if (_alone)
        {
            // A tier solved alone (FastDispatchSolverContext.TiersDecouple held): the load stays on one side of the block edge, so cost is linear in MW.
            var tier = _tiers[0];
            var ai = _c.Acc.AiServed(t);
            var p = _c.Prices[t];
            var slope = ai + _fullMw <= _c.Block ? (p * _c.Dt) + peak : ((p + _c.Adder) * _c.Dt) + peak;
            var steps = _c.Steps[tier];
            for (var k = 0; k < steps.Length; k++)
            {
                reward[k] = (tierValue[tier] - slope) * steps[k];
            }

            return;
        }

        for (var delta = -_maxDown; delta <= _maxUp; delta++)
        {
            var slice = reward.AsSpan((delta + _maxDown) * _combinations, _combinations);
            _c.CombinationValues(t, _levels == 1 ? 0 : NetMw(delta), tierValue, slice, peak);
        }
    }
}
