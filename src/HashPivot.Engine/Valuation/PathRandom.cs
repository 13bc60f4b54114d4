namespace HashPivot.Engine.Valuation;

/// <summary>
/// The random stream of one Monte-Carlo path, derived only from (seed, path index) with SplitMix64, so any split of the paths into
/// blocks (threads, processes, cluster silos) draws exactly the same numbers for each path.
/// </summary>
public sealed class PathRandom
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    /// <summary>The stream of path <paramref name="pathIndex"/> under <paramref name="seed"/>.</summary>
    public PathRandom(long seed, long pathIndex)
    {
        // Two mixing rounds separate neighbouring seeds and neighbouring paths (SplitMix64's finaliser is a bijection).
        _state = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix(unchecked((ulong)pathIndex + 0x632BE59BD9B4E019UL)));
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public double NextUniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextUniform() * count);

    /// <summary>A standard normal draw (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2 * NextUniform()) - 1;
            v = (2 * NextUniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    private ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
