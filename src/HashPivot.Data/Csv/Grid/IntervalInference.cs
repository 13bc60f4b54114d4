namespace HashPivot.Data.Csv.Grid;

/// <summary>Infers a series' interval from its instants as the most common step between neighbours, so gaps (a missing quarter of CAISO data) do not mislead it.</summary>
internal static class IntervalInference
{
    /// <summary>The most common positive step in seconds (the smaller on a tie), or null with fewer than two instants.</summary>
    public static long? MostCommonStep(ReadOnlySpan<long> starts)
    {
        if (starts.Length < 2)
        {
            return null;
        }

        var counts = new Dictionary<long, int>();
        for (var i = 1; i < starts.Length; i++)
        {
            var step = starts[i] - starts[i - 1];
            if (step > 0)
            {
                counts[step] = counts.GetValueOrDefault(step) + 1;
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }
}
