namespace HashPivot.Engine.Series;

/// <summary>Finds gaps, duplicates and disorder in a raw, unvalidated list of UTC interval starts (Unix seconds) against an expected interval.</summary>
/// <remarks>Use it before building a <see cref="TimeSeries"/> from data you do not control, to report what is wrong instead of failing on the first problem.</remarks>
public static class InstantAudit
{
    /// <summary>Audits <paramref name="startsUnixSeconds"/> in the order given.</summary>
    /// <exception cref="ArgumentException"><paramref name="interval"/> is not a positive whole number of seconds.</exception>
    public static InstantAuditResult Audit(ReadOnlySpan<long> startsUnixSeconds, TimeSpan interval)
    {
        var step = TimeSeries.ToWholeSeconds(interval, nameof(interval));
        var gaps = new List<InstantGap>();
        var duplicates = new List<DuplicateInstant>();
        var outOfOrder = new List<OutOfOrderInstant>();
        if (startsUnixSeconds.IsEmpty)
        {
            return new InstantAuditResult(gaps, duplicates, outOfOrder);
        }

        // Duplicates are found against every earlier instant (not only the previous one) so that a repeated
        // hour further down a file is still caught; the dictionary remembers where each instant was first seen.
        var firstSeen = new Dictionary<long, int>(startsUnixSeconds.Length);
        var maxSoFar = long.MinValue;
        for (var i = 0; i < startsUnixSeconds.Length; i++)
        {
            var t = startsUnixSeconds[i];
            if (!firstSeen.TryAdd(t, i))
            {
                duplicates.Add(new DuplicateInstant(DateTimeOffset.FromUnixTimeSeconds(t), firstSeen[t], i));
            }
            else if (t < maxSoFar)
            {
                outOfOrder.Add(new OutOfOrderInstant(DateTimeOffset.FromUnixTimeSeconds(t), i));
            }

            maxSoFar = Math.Max(maxSoFar, t);
        }

        // Gaps are judged on the sorted distinct instants, so a row that arrives late fills its hole
        // instead of being reported both as out of order and as missing.
        var distinct = firstSeen.Keys.ToArray();
        Array.Sort(distinct);
        for (var i = 1; i < distinct.Length; i++)
        {
            var delta = distinct[i] - distinct[i - 1];
            // Count the expected starts strictly between the two instants; a misaligned instant 1.5 intervals
            // later still means exactly one expected start (previous + interval) is missing.
            var missing = (delta / step) - (delta % step == 0 ? 1 : 0);
            if (missing > 0)
            {
                gaps.Add(new InstantGap(
                    DateTimeOffset.FromUnixTimeSeconds(distinct[i - 1] + step),
                    DateTimeOffset.FromUnixTimeSeconds(distinct[i]),
                    missing));
            }
        }

        return new InstantAuditResult(gaps, duplicates, outOfOrder);
    }

    /// <summary>Audits UTC instants given as <see cref="DateTimeOffset"/> (any offset; compared as instants).</summary>
    public static InstantAuditResult Audit(IReadOnlyList<DateTimeOffset> starts, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var seconds = new long[starts.Count];
        for (var i = 0; i < seconds.Length; i++)
        {
            seconds[i] = starts[i].ToUnixTimeSeconds();
        }

        return Audit(seconds, interval);
    }
}

/// <summary>What <see cref="InstantAudit.Audit(ReadOnlySpan{long}, TimeSpan)"/> found; all lists empty means a continuous, ordered, duplicate-free sequence.</summary>
public sealed record InstantAuditResult(
    IReadOnlyList<InstantGap> Gaps,
    IReadOnlyList<DuplicateInstant> Duplicates,
    IReadOnlyList<OutOfOrderInstant> OutOfOrder)
{
    /// <summary>True when there are no gaps, duplicates or out-of-order instants.</summary>
    public bool IsClean => Gaps.Count == 0 && Duplicates.Count == 0 && OutOfOrder.Count == 0;
}

/// <summary>Missing intervals: the half-open UTC range [<see cref="From"/>, <see cref="To"/>) in which <see cref="MissingCount"/> interval starts are absent.</summary>
public sealed record InstantGap(DateTimeOffset From, DateTimeOffset To, long MissingCount);

/// <summary>A UTC instant that occurs again at <see cref="Index"/> after first appearing at <see cref="FirstIndex"/> (0-based positions in the input).</summary>
public sealed record DuplicateInstant(DateTimeOffset Instant, int FirstIndex, int Index);

/// <summary>A UTC instant at <see cref="Index"/> (0-based) that is earlier than an instant before it.</summary>
public sealed record OutOfOrderInstant(DateTimeOffset Instant, int Index);
