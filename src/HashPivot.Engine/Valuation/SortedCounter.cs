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
/// </remarks>
public sealed class SortedCounter
{
    /// <summary>Values per chunk: four 256-bit vectors.</summary>
    public const int Chunk = 16;

    private readonly double[] _padded;
    private readonly double[] _chunkLast;

    /// <summary>A counter over <paramref name="ascending"/> (copied; must be sorted ascending, no NaN).</summary>
    public SortedCounter(ReadOnlySpan<double> ascending)
    {
        Length = ascending.Length;
        var chunks = Math.Max(1, (Length + Chunk - 1) / Chunk);
        _padded = new double[chunks * Chunk];
        _padded.AsSpan().Fill(double.PositiveInfinity);
        ascending.CopyTo(_padded);
        _chunkLast = new double[(chunks + Chunk - 1) / Chunk * Chunk]; // whole groups of four vectors
        _chunkLast.AsSpan().Fill(double.PositiveInfinity);
        for (var c = 0; c < chunks; c++)
        {
            _chunkLast[c] = _padded[(c * Chunk) + Chunk - 1];
        }
    }

    /// <summary>Values held.</summary>
    public int Length { get; }

    /// <summary>How many values are below <paramref name="x"/> (&lt;, not ≤): the index of the first value ≥ x.</summary>
    public int CountBelow(double x)
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
