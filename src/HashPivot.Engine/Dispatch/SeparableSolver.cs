using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HashPivot.Engine.Dispatch;

// Exact dispatch of independent intervals (no dwell, ramp or battery), solved and priced in one pass.
//
// Per interval, with AI served a, block left B = Q − a, headroom U = cap − a and Δt, a preset combination c (one preset
// per tier) of total mining M_c MW and "revenue weight" R_c = Σ_i MW_i × 1000/(24·J/TH_i) earns
//     gain_c = H·R_c − α·M_c − δ·max(M_c − B, 0),   subject to M_c ≤ U,
// where H = hashprice·Δt, α = p·Δt + κ − reserve⁺·Δt (what one MW inside the block costs: the resale forgone, the 4CP
// charge, less the reserve it could offer) and δ = A·Δt (the adder above the block). Everything a combination
// contributes is the pair (M_c, R_c): the tiers, their presets and the cap enter only through it.
//
// Constant hashprice: for a given a, H, δ and B are fixed, so each combination is a line in α,
// gain_c(α) = K_c − α·M_c with K_c = H·R_c − δ·max(M_c − B, 0). The best combination is the upper envelope of those
// lines, a handful of segments, computed once per distinct AI level (the "convex hull trick"); each interval is then
// a search of α among the envelope's breakpoints: no allocation, a few comparisons, exact for every cap, block edge
// and preset layout. Hashprice series: H varies too, so the gain is split at the block edge. Below it
// (M_c ≤ B) gain_c/H = R_c − (α/H)·M_c, above it gain_c/H = R_c − ((α + δ)/H)·M_c + δB/H; each side is an envelope in
// one parameter over the same lines (K = R), and the better of the two winners is taken. A zero or negative
// hashprice of a series (never seen, but allowed) falls back to enumerating the loads.
//
// Ties go to the smaller load (a miner indifferent between running and not stays off), as the strike rule does.
internal sealed class SeparableSolver
{
    // Distinct AI levels whose envelopes are kept; beyond this, intervals with a new level are enumerated directly.
    private const int MaxCachedLevels = 1024;

    // Same tolerance as the DP and the evaluator: a combination fits when it exceeds the headroom by at most this.
    private const double CapSlackMw = 1e-9;

    // Distinct total loads (under the cap) the frontier may hold.
    private const int MaxLoads = 1 << 16;

    private readonly FastDispatchSolverContext _c;
    private readonly int _n;
    private readonly int _loads;         // P: distinct total loads that fit the cap
    private readonly int _combinations;  // 2P: per load, the combination of largest R (index p) and of smallest R (P + p)
    private readonly double[] _mw;       // M_c
    private readonly double[] _weight;   // R_c
    private readonly int[] _preset;      // preset of tier i in combination c at [c·n + i]
    private readonly int[] _byMwDescending;      // largest-R combinations, largest load first
    private readonly int[] _worstByMwDescending; // smallest-R combinations, largest load first
    private readonly bool _seriesHashprice;
    private readonly Dictionary<double, Envelopes> _cache = [];

    // Only (M, R) matters, so for each total load M only the combination of largest R can win when the hashprice is
    // positive (and of smallest R when it is negative). Those are found tier by tier, as in a knapsack: the frontier
    // of partial loads grows with each tier's presets, keeps one best (and one worst) combination per load and drops
    // loads above the cap (presets are ≥ 0, so a partial load only grows). Its size is the number of distinct loads
    // (e.g. 13 for 5 MW steps up to 60 MW), not the product of the tiers' preset counts.
    public SeparableSolver(FastDispatchSolverContext context)
    {
        _c = context;
        _n = context.TierCount;
        var frontier = new Dictionary<double, (double Best, int[] BestPresets, double Worst, int[] WorstPresets)> { [0.0] = (0, [], 0, []) };
        for (var i = 0; i < _n; i++)
        {
            var steps = context.Steps[i];
            var factor = context.RevenueFactor[i];
            var next = new Dictionary<double, (double Best, int[] BestPresets, double Worst, int[] WorstPresets)>();
            foreach (var (load, entry) in frontier)
            {
                for (var k = 0; k < steps.Length; k++)
                {
                    var mw = load + steps[k];
                    if (mw > context.Cap + CapSlackMw)
                    {
                        break;
                    }

                    var (best, worst) = (entry.Best + (steps[k] * factor), entry.Worst + (steps[k] * factor));
                    if (!next.TryGetValue(mw, out var existing))
                    {
                        next[mw] = (best, [.. entry.BestPresets, k], worst, [.. entry.WorstPresets, k]);
                        continue;
                    }

                    if (best > existing.Best)
                    {
                        existing = (best, [.. entry.BestPresets, k], existing.Worst, existing.WorstPresets);
                    }

                    if (worst < existing.Worst)
                    {
                        existing = (existing.Best, existing.BestPresets, worst, [.. entry.WorstPresets, k]);
                    }

                    next[mw] = existing;
                }
            }

            if (next.Count > MaxLoads)
            {
                throw new NotSupportedException($"More than {MaxLoads} distinct mining loads across tiers; merge tiers or use fewer presets.");
            }

            frontier = next;
        }

        var loads = frontier.OrderBy(e => e.Key).ToArray();
        _loads = loads.Length;
        _combinations = 2 * _loads;
        _mw = new double[_combinations];
        _weight = new double[_combinations];
        _preset = new int[_combinations * _n];
        for (var p = 0; p < _loads; p++)
        {
            var (mw, (best, bestPresets, worst, worstPresets)) = (loads[p].Key, loads[p].Value);
            (_mw[p], _weight[p], _mw[_loads + p], _weight[_loads + p]) = (mw, best, mw, worst);
            bestPresets.CopyTo(_preset, p * _n);
            worstPresets.CopyTo(_preset, (_loads + p) * _n);
        }

        // Largest-R combinations by descending load: the envelope is built from the largest load down.
        _byMwDescending = [.. Enumerable.Range(0, _loads).Reverse()];
        _worstByMwDescending = [.. _byMwDescending.Select(p => _loads + p)];
        _seriesHashprice = context.Hashprices is not null;
    }

    /// <summary>Solves every interval, prices it with the shared accumulator and, when asked, records the schedule.</summary>
    public (DispatchTotals Totals, DispatchSchedule? Schedule) Run(bool record)
    {
        var c = _c;
        var problem = c.Problem;
        var count = problem.Count;
        var pass = new Pass(c, record, _combinations);
        var sums = default(DispatchAccumulator.Sums);
        var nextPeak = 0;
        var lastAi = double.NaN;
        Envelopes? envelopes = null;
        var t = 0;
        while (t < count)
        {
            var requested = pass.AiRequested is null ? 0 : pass.AiRequested[t];
            var ai = Math.Min(requested, pass.Cap);
            if (ai != lastAi)
            {
                envelopes = Lookup(ai, pass.ConstantHashprice * pass.Dt, pass.Delta);
                lastAi = ai;
            }

            if (envelopes is not null)
            {
                var next = Segment(pass, t, ai, envelopes, ref sums, ref nextPeak);
                if (next > t)
                {
                    t = next;
                    continue;
                }
            }

            // One interval the envelopes do not cover (too many AI levels, or a series hashprice ≤ 0): enumerate.
            var price = pass.Prices[t];
            var peak = NextPeak(pass, t, ref nextPeak);
            var reservePrice = pass.ReservePrices is null ? 0 : pass.ReservePrices[t];
            var alpha = (price * pass.Dt) + peak - (Math.Max(reservePrice, 0) * pass.Dt);
            var hashprice = pass.Hashprices is null ? pass.ConstantHashprice : pass.Hashprices[t];
            var combo = Enumerate(ai, hashprice * pass.Dt, alpha, pass.Delta);
            Settle(pass, ref sums, t, combo, price, peak, ai, requested, reservePrice, hashprice);
            pass.ChosenCount[combo]++;
            t++;
        }

        var acc = pass.Acc;
        acc.Merge(sums);

        // Curtailed hours per tier: intervals whose chosen combination runs the tier below its top preset.
        for (var combo = 0; combo < _combinations; combo++)
        {
            if (pass.ChosenCount[combo] == 0)
            {
                continue;
            }

            for (var i = 0; i < _n; i++)
            {
                if (_preset[(combo * _n) + i] != c.TopPreset[i])
                {
                    acc.AddCurtailed(i, pass.ChosenCount[combo]);
                }
            }
        }

        var schedule = record ? new DispatchSchedule(problem, pass.TierMw!, pass.Reserve!, new double[count], new double[count]) : null;
        return (acc.ToTotals(), schedule);
    }

    // The hot loop: intervals from t on at the same AI level, answered by the envelopes, until the level changes (or a
    // series hashprice is ≤ 0). It makes no calls, so the running sums stay in registers (on x64 Linux a call in the
    // loop body clobbers every vector register and forces them onto the stack), and counts chosen combinations by runs
    // instead of incrementing memory every interval. Returns the first interval it did not handle.
    private int Segment(Pass pass, int t, double ai, Envelopes envelopes, ref DispatchAccumulator.Sums sumsRef, ref int nextPeakRef)
    {
        var sums = sumsRef;
        var nextPeak = nextPeakRef;
        var count = pass.Prices.Length;
        var prices = pass.Prices;
        var aiRequested = pass.AiRequested;
        var reservePrices = pass.ReservePrices;
        var hashprices = pass.Hashprices;
        var dt = pass.Dt;
        var cap = pass.Cap;
        var delta = pass.Delta;
        var constantHashprice = pass.ConstantHashprice;
        var all = envelopes.All;
        var runCombo = -1;
        var runLength = 0;
        unchecked
        {
            if (all is not null)
            {
                // Constant hashprice: one envelope search in α per interval.
                for (; t < count; t++)
                {
                    var requested = aiRequested is null ? 0 : aiRequested[t];
                    if (Math.Min(requested, cap) != ai)
                    {
                        break;
                    }

                    var price = prices[t];
                    var peak = NextPeak(pass, t, ref nextPeak);
                    var reservePrice = reservePrices is null ? 0 : reservePrices[t];
                    var alpha = (price * dt) + peak - (Math.Max(reservePrice, 0) * dt);
                    var combo = all.Best(alpha);
                    Settle(pass, ref sums, t, combo, price, peak, ai, requested, reservePrice, constantHashprice);
                    if (combo != runCombo)
                    {
                        if (runLength > 0)
                        {
                            pass.ChosenCount[runCombo] += runLength;
                        }

                        (runCombo, runLength) = (combo, 0);
                    }

                    runLength++;
                }
            }
            else
            {
                // Hashprice series: the better of the envelope winners below and above the block edge.
                for (; t < count; t++)
                {
                    var requested = aiRequested is null ? 0 : aiRequested[t];
                    var hashprice = hashprices![t];
                    if (Math.Min(requested, cap) != ai || !(hashprice > 0))
                    {
                        break;
                    }

                    var price = prices[t];
                    var peak = NextPeak(pass, t, ref nextPeak);
                    var reservePrice = reservePrices is null ? 0 : reservePrices[t];
                    var alpha = (price * dt) + peak - (Math.Max(reservePrice, 0) * dt);
                    var combo = BestOfSides(envelopes, ai, hashprice * dt, alpha, delta);
                    Settle(pass, ref sums, t, combo, price, peak, ai, requested, reservePrice, hashprice);
                    if (combo != runCombo)
                    {
                        if (runLength > 0)
                        {
                            pass.ChosenCount[runCombo] += runLength;
                        }

                        (runCombo, runLength) = (combo, 0);
                    }

                    runLength++;
                }
            }
        }

        if (runLength > 0)
        {
            pass.ChosenCount[runCombo] += runLength;
        }

        sumsRef = sums;
        nextPeakRef = nextPeak;
        return t;
    }

    // 4CP charge per MW at interval t, walking the sorted peaks with a cursor (the rule of DispatchAccumulator.PeakUsdPerMw).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NextPeak(Pass pass, int t, ref int nextPeak)
    {
        var peaks = pass.Peaks;
        if (nextPeak < peaks.Length && peaks[nextPeak] == t)
        {
            nextPeak++;
            return pass.PeakCharge;
        }

        return 0;
    }

    // Prices the chosen combination of interval t into the running sums and, when recording, writes the schedule.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Settle(Pass pass, ref DispatchAccumulator.Sums sums, int t, int combo, double price, double peak, double ai, double requested, double reservePrice, double hashprice)
    {
        var mining = _mw[combo];
        var offered = reservePrice > 0 ? mining : 0;
        pass.Acc.Add(ref sums, price, peak, ai, requested, reservePrice, mining, hashprice * _weight[combo] * pass.Dt, offered, 0);
        if (pass.TierMw is { } tierMw)
        {
            var count = pass.Prices.Length;
            pass.Reserve![t] = offered;
            for (var i = 0; i < _n; i++)
            {
                tierMw[(i * count) + t] = _c.Steps[i][_preset[(combo * _n) + i]];
            }
        }
    }

    // The envelopes for one AI level, built on first use; null when too many levels are cached already.
    private Envelopes? Lookup(double ai, double constantH, double delta)
    {
        if (_cache.TryGetValue(ai, out var found))
        {
            return found;
        }

        if (_cache.Count >= MaxCachedLevels)
        {
            return null;
        }

        var headroom = _c.Cap - ai;
        var block = _c.Block - ai;
        Envelopes built;
        if (!_seriesHashprice)
        {
            // A negative constant hashprice (allowed, never seen) wants the smallest revenue weight per load.
            var order = constantH >= 0 ? _byMwDescending : _worstByMwDescending;
            built = new Envelopes(Envelope.Build(this, order, headroom, double.NegativeInfinity, double.PositiveInfinity, combo =>
                (constantH * _weight[combo]) - (delta * Math.Max(_mw[combo] - block, 0))), null, null);
        }
        else
        {
            built = new Envelopes(
                null,
                Envelope.Build(this, _byMwDescending, headroom, double.NegativeInfinity, block, combo => _weight[combo]),
                Envelope.Build(this, _byMwDescending, headroom, block, double.PositiveInfinity, combo => _weight[combo]));
        }

        _cache.Add(ai, built);
        return built;
    }

    // Hashprice series, H > 0: the winner below the block edge against the winner above it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BestOfSides(Envelopes envelopes, double ai, double h, double alpha, double delta)
    {
        var below = envelopes.Below!.IsEmpty ? -1 : envelopes.Below.Best(alpha / h);
        var above = envelopes.Above!.IsEmpty ? -1 : envelopes.Above.Best((alpha + delta) / h);
        if (below < 0)
        {
            return above;
        }

        if (above < 0)
        {
            return below;
        }

        var block = _c.Block - ai;
        var gainBelow = Gain(below, h, alpha, delta, block);
        var gainAbove = Gain(above, h, alpha, delta, block);
        return gainAbove > gainBelow || (gainAbove == gainBelow && _mw[above] < _mw[below]) ? above : below;
    }

    // Every load that fits, for the rare intervals the envelopes do not cover: the largest-R combinations when the
    // hashprice is ≥ 0, the smallest-R ones when it is negative.
    private int Enumerate(double ai, double h, double alpha, double delta)
    {
        var headroom = _c.Cap - ai;
        var block = _c.Block - ai;
        var first = h >= 0 ? 0 : _loads;
        var best = -1;
        var bestGain = double.NegativeInfinity;
        for (var combo = first; combo < first + _loads; combo++)
        {
            if (_mw[combo] > headroom + CapSlackMw)
            {
                break; // loads ascend
            }

            var gain = Gain(combo, h, alpha, delta, block);
            if (best < 0 || gain > bestGain)
            {
                (best, bestGain) = (combo, gain);
            }
        }

        // Load 0 (all off) always fits because AI is served only up to the cap.
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Gain(int combo, double h, double alpha, double delta, double block) =>
        (h * _weight[combo]) - (alpha * _mw[combo]) - (delta * Math.Max(_mw[combo] - block, 0));

    // The envelopes of one AI level: All (constant hashprice), or Below and Above the block edge (series).
    private sealed record Envelopes(Envelope? All, Envelope? Below, Envelope? Above);

    // Upper envelope of lines y = K_c − x·M_c over combinations c; Best(x) is the line on top at x.
    private sealed class Envelope
    {
        // Lines from the largest load down; line j is on top for x in [Breaks[j − 1], Breaks[j]).
        private readonly int[] _combos;
        private readonly double[] _breaks;

        private Envelope(int[] combos, double[] breaks)
        {
            _combos = combos;
            _breaks = breaks;
        }

        public bool IsEmpty => _combos.Length == 0;

        // Lines of the combinations that fit the headroom with low ≤ M_c ≤ high. For equal loads only the largest K
        // can win. Scanning from the largest load down, the previous top line is dropped while the new one overtakes
        // the line below it no later than it did itself (a segment of zero width is no segment).
        public static Envelope Build(SeparableSolver s, int[] order, double headroom, double low, double high, Func<int, double> intercept)
        {
            var combos = new List<int>();
            var intercepts = new List<double>();
            var breaks = new List<double>();
            foreach (var combo in order)
            {
                var mw = s._mw[combo];
                if (mw > headroom + CapSlackMw || mw < low || mw > high)
                {
                    continue;
                }

                var k = intercept(combo);
                if (combos.Count > 0 && s._mw[combos[^1]] == mw)
                {
                    // Same load: keep the larger intercept (ties: the earlier combination).
                    if (k <= intercepts[^1])
                    {
                        continue;
                    }

                    Pop(combos, intercepts, breaks);
                }

                while (combos.Count > 0)
                {
                    // x at which the new (smaller-load) line overtakes the top one.
                    var cross = (intercepts[^1] - k) / (s._mw[combos[^1]] - mw);
                    if (breaks.Count > 0 && cross <= breaks[^1])
                    {
                        Pop(combos, intercepts, breaks);
                        continue;
                    }

                    breaks.Add(cross);
                    break;
                }

                combos.Add(combo);
                intercepts.Add(k);
            }

            return new Envelope([.. combos], [.. breaks]);
        }

        // The combination on top at x; at a breakpoint the smaller load wins.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Best(double x)
        {
            var breaks = _breaks;
            var j = 0;
            if (breaks.Length <= 8)
            {
                while (j < breaks.Length && breaks[j] <= x)
                {
                    j++;
                }
            }
            else
            {
                // First breakpoint above x.
                var hi = breaks.Length;
                while (j < hi)
                {
                    var mid = (j + hi) >>> 1;
                    if (breaks[mid] <= x)
                    {
                        j = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }
            }

            return _combos[j];
        }

        private static void Pop(List<int> combos, List<double> intercepts, List<double> breaks)
        {
            combos.RemoveAt(combos.Count - 1);
            intercepts.RemoveAt(intercepts.Count - 1);
            if (breaks.Count > 0 && breaks.Count == combos.Count)
            {
                breaks.RemoveAt(breaks.Count - 1);
            }
        }
    }

    // The inputs of one run, unpacked once (the same reads as DispatchAccumulator, from arrays), and its outputs.
    private sealed class Pass
    {
        public Pass(FastDispatchSolverContext c, bool record, int combinations)
        {
            var problem = c.Problem;
            var count = problem.Count;
            Acc = new DispatchAccumulator(problem);
            Prices = c.Prices;
            Hashprices = c.Hashprices;
            AiRequested = problem.Ai is { } load ? ImmutableCollectionsMarshal.AsArray(load.ProfileMw)! : null;
            ReservePrices = problem.ReservePricesUsdPerMwh.IsDefaultOrEmpty ? null : ImmutableCollectionsMarshal.AsArray(problem.ReservePricesUsdPerMwh)!;
            Peaks = Acc.PeakIntervals.ToArray();
            PeakCharge = Acc.PeakChargeUsdPerMw;
            Dt = c.Dt;
            Cap = c.Cap;
            Delta = c.Adder * c.Dt;
            ConstantHashprice = problem.Hashprice.Value;
            ChosenCount = new int[combinations];
            TierMw = record ? new double[c.TierCount * count] : null;
            Reserve = record ? new double[count] : null;
        }

        public DispatchAccumulator Acc { get; }

        public double[] Prices { get; }

        public double[]? Hashprices { get; }

        public double[]? AiRequested { get; }

        public double[]? ReservePrices { get; }

        public int[] Peaks { get; }

        public double PeakCharge { get; }

        public double Dt { get; }

        public double Cap { get; }

        // δ = adder × Δt: the extra cost of a MW above the block.
        public double Delta { get; }

        public double ConstantHashprice { get; }

        // Intervals in which each combination was chosen (for curtailed hours).
        public int[] ChosenCount { get; }

        public double[]? TierMw { get; }

        public double[]? Reserve { get; }
    }
}
