using System.Runtime.Intrinsics;

namespace HashPivot.Engine.Valuation;

/// <summary>
/// Historical months of hourly power prices (USD/MWh), kept sorted with prefix sums so the optimal mining margin of a month,
/// Σ_h max(0, r − a·p_h) per MW, costs one count of the hours priced below the break-even (<see cref="SortedCounter"/>). A path draws, for each calendar month, one whole historical month of
/// that calendar month (a month-block bootstrap), so spikes, negative hours and their clustering survive; a scale a sets the mean.
/// </summary>
public sealed class PowerMonthLibrary
{
    private readonly double[][] _sorted;
    private readonly double[][] _prefix;
    private readonly SortedCounter[] _counters;
    private readonly int[][] _byCalendarMonth;

    private PowerMonthLibrary(double[][] sorted, int[][] byCalendarMonth, double meanUsdPerMwh)
    {
        _sorted = sorted;
        _byCalendarMonth = byCalendarMonth;
        MeanUsdPerMwh = meanUsdPerMwh;
        _prefix = new double[sorted.Length][];
        _counters = new SortedCounter[sorted.Length];
        for (var b = 0; b < sorted.Length; b++)
        {
            var p = new double[sorted[b].Length + 1];
            for (var i = 0; i < sorted[b].Length; i++)
            {
                p[i + 1] = p[i] + sorted[b][i];
            }

            _prefix[b] = p;
            _counters[b] = new SortedCounter(sorted[b]);
        }
    }

    /// <summary>Hour-weighted mean price of every month in the library (USD/MWh).</summary>
    public double MeanUsdPerMwh { get; }

    /// <summary>Historical months held.</summary>
    public int Blocks => _sorted.Length;

    /// <summary>
    /// A library from interval prices (USD/MWh) with their UTC starts (Unix seconds): one block per calendar month present;
    /// each of the twelve calendar months must appear at least once.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a price is not finite, or a calendar month is missing.</exception>
    public static PowerMonthLibrary FromSeries(ReadOnlySpan<long> startsUnixSeconds, ReadOnlySpan<double> pricesUsdPerMwh)
    {
        if (startsUnixSeconds.Length != pricesUsdPerMwh.Length || pricesUsdPerMwh.Length == 0)
        {
            throw new ArgumentException("starts and prices must be non-empty and of equal length", nameof(pricesUsdPerMwh));
        }

        var blocks = new List<(int Month, List<double> Prices)>();
        var key = -1;
        var sum = 0.0;
        for (var i = 0; i < pricesUsdPerMwh.Length; i++)
        {
            if (!double.IsFinite(pricesUsdPerMwh[i]))
            {
                throw new ArgumentException($"price {i} is not finite", nameof(pricesUsdPerMwh));
            }

            var t = DateTimeOffset.FromUnixTimeSeconds(startsUnixSeconds[i]).UtcDateTime;
            var k = (t.Year * 12) + t.Month - 1;
            if (k != key)
            {
                blocks.Add((t.Month, []));
                key = k;
            }

            blocks[^1].Prices.Add(pricesUsdPerMwh[i]);
            sum += pricesUsdPerMwh[i];
        }

        var byMonth = new int[12][];
        for (var m = 1; m <= 12; m++)
        {
            byMonth[m - 1] = blocks.Select((b, i) => (b, i)).Where(x => x.b.Month == m).Select(x => x.i).ToArray();
            if (byMonth[m - 1].Length == 0)
            {
                throw new ArgumentException($"the series has no hour in calendar month {m}; a year-long series or more is needed", nameof(startsUnixSeconds));
            }
        }

        var sorted = blocks.Select(b =>
        {
            var a = b.Prices.ToArray();
            Array.Sort(a);
            return a;
        }).ToArray();
        return new PowerMonthLibrary(sorted, byMonth, sum / pricesUsdPerMwh.Length);
    }

    /// <summary>The library as plain arrays (for sending it to another process); <see cref="FromParts"/> rebuilds it exactly.</summary>
    public PowerMonthLibraryParts ToParts() => new(_sorted, _byCalendarMonth, MeanUsdPerMwh, HoursPerFlatMonth);

    /// <summary>The library <see cref="ToParts"/> described (the prefix sums are recomputed in the same order, so bit for bit).</summary>
    public static PowerMonthLibrary FromParts(PowerMonthLibraryParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.BlocksByCalendarMonth.Count != 12 || parts.BlocksByCalendarMonth.Any(b => b.Length == 0 || b.Any(i => i < 0 || i >= parts.SortedPricesUsdPerMwh.Count)))
        {
            throw new ArgumentException("every calendar month needs at least one block index within the library", nameof(parts));
        }

        return new PowerMonthLibrary([.. parts.SortedPricesUsdPerMwh], [.. parts.BlocksByCalendarMonth], parts.MeanUsdPerMwh) { HoursPerFlatMonth = parts.HoursPerFlatMonth };
    }

    /// <summary>A library of one flat price (USD/MWh), 730.5 hours a month: a fixed-price contract.</summary>
    public static PowerMonthLibrary Flat(double priceUsdPerMwh)
    {
        var block = new[] { priceUsdPerMwh };
        var byMonth = Enumerable.Range(0, 12).Select(_ => new[] { 0 }).ToArray();
        return new PowerMonthLibrary([block], byMonth, priceUsdPerMwh) { HoursPerFlatMonth = 730.5 };
    }

    /// <summary>For a flat library: the hours each month stands for (one stored price per month); zero for a series library.</summary>
    private double HoursPerFlatMonth { get; init; }

    /// <summary>How many historical months of calendar month <paramref name="calendarMonth"/> (1–12) a path can draw from.</summary>
    public int Choices(int calendarMonth) => _byCalendarMonth[calendarMonth - 1].Length;

    /// <summary>The block index of the <paramref name="choice"/>-th historical month of a calendar month.</summary>
    public int Block(int calendarMonth, int choice) => _byCalendarMonth[calendarMonth - 1][choice];

    /// <summary>
    /// Optimal mining margin per MW (USD) over block <paramref name="block"/> at revenue <paramref name="revenueUsdPerMwh"/> per MWh mined and prices
    /// scaled by <paramref name="scale"/> (&gt; 0): Σ_h max(0, r − a·p_h) = a·(k·x − S_k) with x = r/a, k the hours priced below x and S_k their sum.
    /// </summary>
    public double MarginPerMwUsd(int block, double revenueUsdPerMwh, double scale)
    {
        var x = revenueUsdPerMwh / scale;
        var lo = _counters[block].CountBelow(x);
        var margin = scale * ((lo * x) - _prefix[block][lo]);
        return HoursPerFlatMonth > 0 ? margin * HoursPerFlatMonth : margin;
    }

    /// <summary>
    /// <see cref="MarginPerMwUsd"/> for many paths in one projected month (USD per MW): path p earns hashprice[p] ×
    /// <paramref name="usdPerMwhPerHashprice"/> per MWh mined over the historical month its draw picks, choice ⌊draw × choices⌋ of
    /// <paramref name="calendarMonth"/>. The same numbers bit for bit as one call per path; a one-price library runs four paths a vector.
    /// </summary>
    public void MarginsOfMonthPerMwUsd(
        int calendarMonth, ReadOnlySpan<double> hashpriceUsdPerPhDay, double usdPerMwhPerHashprice, ReadOnlySpan<double> draws, double scale, Span<double> margins)
    {
        var paths = hashpriceUsdPerPhDay.Length;
        if (draws.Length < paths || margins.Length < paths)
        {
            throw new ArgumentException("draws and margins need a value per path", nameof(margins));
        }

        var blocks = _byCalendarMonth[calendarMonth - 1];
        var first = 0;
        if (blocks.Length == 1 && _sorted[blocks[0]].Length == 1 && Vector256.IsHardwareAccelerated)
        {
            // One price: k is 0 or 1, so the margin is a compare and a select, the same IEEE operations per lane as the scalar formula.
            var prefix = _prefix[blocks[0]];
            var price = Vector256.Create(_sorted[blocks[0]][0]);
            var prefixBelow = Vector256.Create(prefix[1]);
            var toRevenue = Vector256.Create(usdPerMwhPerHashprice);
            var scaleV = Vector256.Create(scale);
            for (; first + 4 <= paths; first += 4)
            {
                var x = Vector256.Create(hashpriceUsdPerPhDay.Slice(first, 4)) * toRevenue / scaleV;
                var below = Vector256.LessThan(price, x);
                var k = Vector256.ConditionalSelect(below, Vector256<double>.One, Vector256<double>.Zero);
                var margin = scaleV * ((k * x) - Vector256.ConditionalSelect(below, prefixBelow, Vector256<double>.Zero));
                (HoursPerFlatMonth > 0 ? margin * Vector256.Create(HoursPerFlatMonth) : margin).CopyTo(margins.Slice(first, 4));
            }
        }

        else if (HoursPerFlatMonth == 0 && Vector256.IsHardwareAccelerated)
        {
            // An hourly library: the break-evens and the margins four paths a vector, the counts and prefix sums looked up per lane.
            var toRevenue = Vector256.Create(usdPerMwhPerHashprice);
            var scaleV = Vector256.Create(scale);
            for (; first + 4 <= paths; first += 4)
            {
                var x = Vector256.Create(hashpriceUsdPerPhDay.Slice(first, 4)) * toRevenue / scaleV;
                int b0 = BlockOf(blocks, draws[first]), b1 = BlockOf(blocks, draws[first + 1]), b2 = BlockOf(blocks, draws[first + 2]), b3 = BlockOf(blocks, draws[first + 3]);
                int k0 = _counters[b0].CountBelow(x.GetElement(0)), k1 = _counters[b1].CountBelow(x.GetElement(1)),
                    k2 = _counters[b2].CountBelow(x.GetElement(2)), k3 = _counters[b3].CountBelow(x.GetElement(3));
                var counts = Vector256.Create(k0, k1, k2, (double)k3);
                var sums = Vector256.Create(_prefix[b0][k0], _prefix[b1][k1], _prefix[b2][k2], _prefix[b3][k3]);
                (scaleV * ((counts * x) - sums)).CopyTo(margins.Slice(first, 4));
            }
        }

        for (var p = first; p < paths; p++)
        {
            margins[p] = MarginPerMwUsd(BlockOf(blocks, draws[p]), hashpriceUsdPerPhDay[p] * usdPerMwhPerHashprice, scale);
        }
    }

    // The historical month a draw in [0, 1) picks among a calendar month's blocks.
    private static int BlockOf(int[] blocks, double draw) => blocks.Length == 1 ? blocks[0] : blocks[Math.Min(blocks.Length - 1, (int)(draw * blocks.Length))];

    /// <summary>Hours in block <paramref name="block"/> (730.5 for a flat library).</summary>
    public double Hours(int block) => HoursPerFlatMonth > 0 ? HoursPerFlatMonth : _sorted[block].Length;
}

/// <summary>A <see cref="PowerMonthLibrary"/> as plain arrays: each historical month's prices sorted (USD/MWh), the blocks of each calendar month, the mean and, for a flat library, the hours a month stands for.</summary>
public sealed record PowerMonthLibraryParts(
    IReadOnlyList<double[]> SortedPricesUsdPerMwh, IReadOnlyList<int[]> BlocksByCalendarMonth, double MeanUsdPerMwh, double HoursPerFlatMonth);
