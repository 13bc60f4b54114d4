using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HashPivot.Engine.Valuation;

/// <summary>
/// Counts the values of an ascending array below a threshold (the lower-bound index) with vector compares over two levels instead of a
/// binary search: no data-dependent branches, which a valuation's millions of month-margin look-ups otherwise mispredict half the time.
/// </summary>
/// <remarks>
/// The values sit in chunks of <see cref="Chunk"/>, padded with +∞; the top level holds each chunk's last value. The count is
/// (chunks whose last value is below x) × chunk + (values of the next chunk below x): exactly the binary search's lower bound, because
/// both only compare with &lt;, so ties, ±∞ and NaN (nothing is below NaN) come out the same.
/// <para>
/// A threshold first goes through a bucket index: equal-width buckets, two per value, over the central 98 % of the values (at most
/// seven values are left out at either end, and those form one slot below and one above), numbered by s(v) = ⌊(v − low) · buckets per
/// unit⌋ + 1 clamped to the slots. Rounding keeps s non-decreasing, so every value of a lower slot than x's is below x and none of a
/// higher one is: the count is the values before x's slot plus one vector compare over the at most <see cref="Window"/> values in it.
/// A slot holding more (a run of equal prices) takes the two-level count.
/// </para>
/// </remarks>
public sealed class SortedCounter
{
    /// <summary>Values per chunk: four 256-bit vectors.</summary>
    public const int Chunk = 16;

    /// <summary>Most values a bucket of the index may hold: two 256-bit vectors.</summary>
    public const int Window = 8;

    private const int MinIndexedLength = 64; // below this the two-level count is already a handful of compares
    private const int BucketsPerValue = 2;

    private readonly double[] _padded;
    private readonly double[] _chunkLast;
    private readonly int[]? _bucketStart; // [slot] the values in lower slots, or −1 when the slot holds more than a window; null: no index
    private readonly double _indexLow;
    private readonly double _bucketsPerUnit;

    /// <summary>A counter over <paramref name="ascending"/> (copied; must be sorted ascending, no NaN).</summary>
    public SortedCounter(ReadOnlySpan<double> ascending)
    {
        Length = ascending.Length;
        var chunks = Math.Max(1, (Length + Chunk - 1) / Chunk);
        _padded = new double[(chunks + 1) * Chunk]; // a whole chunk of +∞ beyond the values: a window read from any count stays inside
        _padded.AsSpan().Fill(double.PositiveInfinity);
        ascending.CopyTo(_padded);
        _chunkLast = new double[(chunks + Chunk - 1) / Chunk * Chunk]; // whole groups of four vectors
        _chunkLast.AsSpan().Fill(double.PositiveInfinity);
        for (var c = 0; c < chunks; c++)
        {
            _chunkLast[c] = _padded[(c * Chunk) + Chunk - 1];
        }

        if (Length >= MinIndexedLength)
        {
            (_bucketStart, _indexLow, _bucketsPerUnit) = BuildIndex(ascending);
        }
    }

    // The central range runs from the value at 1 % to the one at 99 % (at most Window − 1 values in from either end), so a few price
    // spikes do not stretch every bucket and the values beyond either end still fit in one window.
    private static (int[]? Starts, double Low, double PerUnit) BuildIndex(ReadOnlySpan<double> ascending)
    {
        var n = ascending.Length;
        var tail = Math.Min(n / 100, Window - 1);
        var low = ascending[tail];
        var high = ascending[n - 1 - tail];
        var buckets = n * BucketsPerValue;
        var perUnit = buckets / (high - low);
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low) || !double.IsFinite(perUnit))
        {
            return (null, 0, 0);
        }

        // Count each slot's values with the query's own arithmetic, then turn the counts into starts.
        var starts = new int[buckets + 3];
        foreach (var v in ascending)
        {
            starts[Slot(v, low, perUnit, buckets) + 1]++;
        }

        for (var slot = 0; slot < buckets + 2; slot++)
        {
            var size = starts[slot + 1];
            starts[slot + 1] = starts[slot] + size; // starts[slot] is still unmarked here
            if (size > Window)
            {
                starts[slot] = -1;
            }
        }

        return (starts, low, perUnit);
    }

    // Slot 0 below the range, 1..buckets its buckets, buckets + 1 above it: a non-decreasing function of v (x ≤ y gives slot(x) ≤ slot(y)
    // under rounding too), which is all the count needs. Not for NaN.
    // The clamp is two native min/max instructions: a branch there mispredicts whenever break-even prices straddle the range's end.
    private static int Slot(double v, double low, double perUnit, int buckets)
    {
        var position = Vector128.CreateScalarUnsafe(((v - low) * perUnit) + 1);
        return unchecked((int)Vector128.MinNative(Vector128.MaxNative(position, Vector128<double>.Zero), Vector128.CreateScalarUnsafe((double)(buckets + 1))).ToScalar());
    }

    /// <summary>Values held.</summary>
    public int Length { get; }

    /// <summary>How many values are below <paramref name="x"/> (&lt;, not ≤): the index of the first value ≥ x.</summary>
    /// <remarks>The index's path is small enough to inline into a caller's loop; everything else is one call away.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CountBelow(double x)
    {
        if (_bucketStart is { } starts && !double.IsNaN(x) && Vector256.IsHardwareAccelerated)
        {
            // The slot is clamped to 0 … buckets + 1 and the array holds buckets + 3 starts: in range by construction.
            var first = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(starts), Slot(x, _indexLow, _bucketsPerUnit, starts.Length - 3));
            if (first >= 0)
            {
                var limit = Vector256.Create(x);
                ref var window = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_padded), first);
                return first + BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref window), limit).ExtractMostSignificantBits())
                    + BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref window, 4), limit).ExtractMostSignificantBits());
            }
        }

        return CountBelowByChunks(x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int CountBelowByChunks(double x)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return BinarySearch(x);
        }

        var threshold = Vector256.Create(x);

        // A lane below x compares as all ones (−1 as an integer): subtracting the masks counts, four vectors an iteration.
        ref var top = ref MemoryMarshal.GetArrayDataReference(_chunkLast);
        var below = Vector256<long>.Zero;
        for (nuint i = 0; i < (nuint)_chunkLast.Length; i += Chunk)
        {
            below -= Vector256.LessThan(Vector256.LoadUnsafe(ref top, i), threshold).AsInt64()
                + Vector256.LessThan(Vector256.LoadUnsafe(ref top, i + 4), threshold).AsInt64()
                + Vector256.LessThan(Vector256.LoadUnsafe(ref top, i + 8), threshold).AsInt64()
                + Vector256.LessThan(Vector256.LoadUnsafe(ref top, i + 12), threshold).AsInt64();
        }

        var start = (int)Vector256.Sum(below) * Chunk;
        if (start >= _padded.Length)
        {
            return Length; // every chunk's last value is below x, so every value is
        }

        ref var values = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_padded), start);
        var inChunk = Vector256.LessThan(Vector256.LoadUnsafe(ref values), threshold).AsInt64()
            + Vector256.LessThan(Vector256.LoadUnsafe(ref values, 4), threshold).AsInt64()
            + Vector256.LessThan(Vector256.LoadUnsafe(ref values, 8), threshold).AsInt64()
            + Vector256.LessThan(Vector256.LoadUnsafe(ref values, 12), threshold).AsInt64();
        return start - (int)Vector256.Sum(inChunk);
    }

    /// <summary>The same count by binary search (the reference, and the path where 256-bit vectors are not hardware-accelerated).</summary>
    public int BinarySearch(double x)
    {
        int lo = 0, hi = Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_padded[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
