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

    // Hoare selection (median-of-three pivot): afterwards a[k] holds the k-th smallest, smaller-or-equal values before it, larger-or-equal after.
    private static void Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
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
