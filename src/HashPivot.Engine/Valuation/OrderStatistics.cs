using System.Numerics;

namespace HashPivot.Engine.Valuation;

/// <summary>
/// Type-7 percentiles by selection instead of a full sort: the same order statistics, so the same values bit for bit as sorting first,
/// in O(n) per percentile instead of O(n log n) (the merge of a valuation computes thousands of them).
/// </summary>
public static class OrderStatistics
{
    /// <summary>
    /// Writes the type-7 percentiles <paramref name="quantiles"/> (ascending, each in [0, 1]) of <paramref name="samples"/> into
    /// <paramref name="result"/>; <paramref name="samples"/> is reordered (partitioned) in place.
    /// </summary>
    public static void Percentiles(Span<double> samples, ReadOnlySpan<double> quantiles, Span<double> result)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        var n = samples.Length;
        Span<int> lows = quantiles.Length <= 64 ? stackalloc int[quantiles.Length] : new int[quantiles.Length];
        var start = 0; // every sample before start is ≤ every sample from start on, and samples[start - 1] is in its sorted place
        for (var i = 0; i < quantiles.Length; i++)
        {
            lows[i] = (int)Math.Floor((n - 1) * quantiles[i]);
            if (lows[i] >= start)
            {
                Select(samples[start..], lows[i] - start);
                start = lows[i] + 1;
            }
        }

        for (var i = 0; i < quantiles.Length; i++)
        {
            var h = (n - 1) * quantiles[i];
            var lo = lows[i];
            var low = samples[lo];
            var high = low;
            if (lo + 1 < n)
            {
                // The next order statistic is the least sample above lo. Every sample after lo is ≥ samples[lo], and after the next
                // selected index (the next larger low) every sample is ≥ the one there, so the least is in between, that index included.
                var end = n - 1;
                for (var j = i + 1; j < quantiles.Length; j++)
                {
                    if (lows[j] > lo)
                    {
                        end = lows[j];
                        break;
                    }
                }

                high = double.PositiveInfinity;
                foreach (var x in samples[(lo + 1)..(end + 1)])
                {
                    high = Math.Min(high, x);
                }
            }

            result[i] = low + ((h - lo) * (high - low));
        }
    }

    // Quickselect: afterwards a[k] holds the k-th smallest, smaller-or-equal values before it, larger-or-equal after. A branch-free
    // Lomuto partition first (random NPVs make a partition's branches a coin toss); runs of equal values defeat it, so past a budget of
    // rounds the rest goes to Hoare's partition, which splits ties evenly.
    private static void Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        var rounds = 2 * (BitOperations.Log2((uint)a.Length) + 2);
        while (hi > lo)
        {
            if (--rounds < 0)
            {
                HoareSelect(a[lo..(hi + 1)], k - lo);
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            MedianOfThree(a, lo, mid, hi);
            var pivot = a[mid];
            (a[mid], a[hi]) = (a[hi], a[mid]);
            var store = lo;
            for (var i = lo; i < hi; i++)
            {
                var x = a[i];
                a[i] = a[store];
                a[store] = x;
                store += x < pivot ? 1 : 0;
            }

            (a[store], a[hi]) = (a[hi], a[store]);
            if (k == store)
            {
                return;
            }

            if (store == lo)
            {
                // The pivot is the least value left (a constant strategy's NPVs do this every round): gather its equals behind it.
                var equal = lo + 1;
                for (var i = lo + 1; i <= hi; i++)
                {
                    var x = a[i];
                    a[i] = a[equal];
                    a[equal] = x;
                    equal += x <= pivot ? 1 : 0;
                }

                if (k < equal)
                {
                    return;
                }

                lo = equal;
                continue;
            }

            if (k < store)
            {
                hi = store - 1;
            }
            else
            {
                lo = store + 1;
            }
        }
    }

    // Orders a[lo], a[mid], a[hi] so that a[mid] is their median.
    private static void MedianOfThree(Span<double> a, int lo, int mid, int hi)
    {
        if (a[mid] < a[lo])
        {
            (a[mid], a[lo]) = (a[lo], a[mid]);
        }

        if (a[hi] < a[lo])
        {
            (a[hi], a[lo]) = (a[lo], a[hi]);
        }

        if (a[hi] < a[mid])
        {
            (a[hi], a[mid]) = (a[mid], a[hi]);
        }
    }

    // Hoare selection (median-of-three pivot).
    private static void HoareSelect(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            MedianOfThree(a, lo, mid, hi);
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
