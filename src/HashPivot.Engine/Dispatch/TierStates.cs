namespace HashPivot.Engine.Dispatch;

// The dynamic-programming states of one tier: (preset, intervals spent in the current on/off status), with the
// counter capped at the dwell that matters for that status, and for each state the states that may precede it.
//   off states: index c − 1 for c = 1..D           (preset 0, off for c intervals, c = D meaning "D or more")
//   on states:  index D + (k − 1)·U + (c − 1)      (preset k ≥ 1, on for c intervals, c = U meaning "U or more")
// A transition s → k' is allowed when |P(k') − P(k)| ≤ ramp and, if the on/off status changes, the counter has
// reached the minimum of the status being left. The initial state is "off for D or more" at 0 MW, so the first
// interval is also ramp-limited from 0. Dwell is truncated at the horizon end (a tier may start in the last interval).
internal sealed class TierStates
{
    // Presets closer than this (MW) to the ramp limit count as within it, so 20 MW steps pass a 20 MW/interval limit.
    internal const double RampSlackMw = 1e-9;

    public TierStates(MiningTier tier)
    {
        var steps = tier.PowerStepsMw;
        Presets = steps.Length;
        OnDwell = Math.Max(tier.MinOnIntervals, 1);
        OffDwell = Math.Max(tier.MinOffIntervals, 1);
        Count = OffDwell + ((Presets - 1) * OnDwell);
        PresetOf = new int[Count];
        for (var s = 0; s < Count; s++)
        {
            PresetOf[s] = s < OffDwell ? 0 : 1 + ((s - OffDwell) / OnDwell);
        }

        var predecessors = new List<int>[Count];
        for (var s = 0; s < Count; s++)
        {
            predecessors[s] = [];
        }

        for (var s = 0; s < Count; s++)
        {
            var k = PresetOf[s];
            var counter = k == 0 ? s + 1 : ((s - OffDwell) % OnDwell) + 1;
            for (var next = 0; next < Presets; next++)
            {
                if (Math.Abs(steps[next] - steps[k]) > tier.RampLimitMwPerInterval + RampSlackMw)
                {
                    continue;
                }

                var wasOn = k > 0;
                var isOn = next > 0;
                int nextCounter;
                if (wasOn == isOn)
                {
                    nextCounter = Math.Min(counter + 1, isOn ? OnDwell : OffDwell);
                }
                else if (counter >= (wasOn ? OnDwell : OffDwell))
                {
                    nextCounter = 1;
                }
                else
                {
                    continue;
                }

                predecessors[StateOf(next, nextCounter)].Add(s);
            }
        }

        PredecessorStart = new int[Count + 1];
        for (var s = 0; s < Count; s++)
        {
            PredecessorStart[s + 1] = PredecessorStart[s] + predecessors[s].Count;
        }

        Predecessors = [.. predecessors.SelectMany(p => p)];
        Initial = OffDwell - 1;
    }

    public int Presets { get; }

    public int OnDwell { get; }

    public int OffDwell { get; }

    public int Count { get; }

    public int Initial { get; }

    public int[] PresetOf { get; }

    // CSR adjacency: the predecessors of state s are Predecessors[PredecessorStart[s] .. PredecessorStart[s + 1]).
    public int[] PredecessorStart { get; }

    public int[] Predecessors { get; }

    private int StateOf(int preset, int counter) => preset == 0 ? counter - 1 : OffDwell + ((preset - 1) * OnDwell) + (counter - 1);
}
