using System.Collections.Concurrent;

namespace HashPivot.Engine.Valuation;

/// <summary>
/// Sets of per-path NPV arrays (USD, one array per site and strategy, each exactly one sample per path) kept for the next valuation of
/// the same shape. A server values a portfolio again and again: without reuse each request allocates a few MB that the garbage
/// collector then promotes and collects while other requests run.
/// </summary>
internal static class NpvSetPool
{
    // At most 64 MB of samples wait in the pool (sixteen 10-site, 1,000-path valuations take 40 MB); beyond it sets go to the collector.
    private const long MaxPooledSamples = 8L << 20;

    private static readonly ConcurrentDictionary<(int Arrays, int Length), ConcurrentBag<double[][]>> Sets = new();
    private static long _pooledSamples;

    /// <summary>A set of <paramref name="arrays"/> arrays of <paramref name="length"/> samples, reused or new; the contents are unspecified.</summary>
    public static double[][] Rent(int arrays, int length)
    {
        if (Sets.TryGetValue((arrays, length), out var bag) && bag.TryTake(out var set))
        {
            Interlocked.Add(ref _pooledSamples, -(long)arrays * length);
            return set;
        }

        var fresh = new double[arrays][];
        for (var k = 0; k < arrays; k++)
        {
            fresh[k] = GC.AllocateUninitializedArray<double>(length);
        }

        return fresh;
    }

    /// <summary>Keeps <paramref name="set"/> (from <see cref="Rent"/>, no longer read by anyone) for a later valuation of its shape.</summary>
    public static void Return(double[][] set)
    {
        if (set.Length == 0)
        {
            return;
        }

        var samples = (long)set.Length * set[0].Length;
        if (Interlocked.Add(ref _pooledSamples, samples) > MaxPooledSamples)
        {
            Interlocked.Add(ref _pooledSamples, -samples);
            return;
        }

        Sets.GetOrAdd((set.Length, set[0].Length), _ => []).Add(set);
    }
}
