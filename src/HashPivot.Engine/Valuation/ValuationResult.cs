using System.Buffers;

namespace HashPivot.Engine.Valuation;

/// <summary>Percentiles and mean of an NPV distribution (USD).</summary>
public sealed record NpvSummary(double P5Usd, double P50Usd, double P95Usd, double MeanUsd)
{
    private static readonly double[] SummaryQuantiles = [0.05, 0.5, 0.95];

    /// <summary>The summary of samples (percentiles by linear interpolation between order statistics, type 7; the mean in sample order).</summary>
    public static NpvSummary Of(ReadOnlySpan<double> samples)
    {
        var rented = ArrayPool<double>.Shared.Rent(samples.Length);
        try
        {
            var scratch = rented.AsSpan(0, samples.Length);
            samples.CopyTo(scratch);
            Span<double> p = stackalloc double[3];
            OrderStatistics.Percentiles(scratch, SummaryQuantiles, p);
            return new NpvSummary(p[0], p[1], p[2], MeanOf(samples));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The mean of samples, summed in sample order (so the same samples give the same bits whatever produced them).</summary>
    public static double MeanOf(ReadOnlySpan<double> samples)
    {
        var sum = 0.0;
        foreach (var x in samples)
        {
            sum += x;
        }

        return sum / samples.Length;
    }

    /// <summary>Type-7 percentile of ascending samples.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

/// <summary>One strategy of one site: its NPV distribution over the paths (USD); from samples, the percentiles are computed when first read.</summary>
/// <remarks>
/// A valuation has a strategy per site and start year (31 a site over 10 years) but its readers mostly want the mean of each and the
/// percentiles of a few; the selections for the rest would be most of a small request's merge time.
/// </remarks>
public sealed record StrategyValue
{
    private readonly double[]? _samplesUsd;
    private readonly SampleLease? _lease;
    private NpvSummary? _npv;

    /// <summary>A strategy with its summary already known.</summary>
    public StrategyValue(Strategy strategy, NpvSummary npv)
    {
        ArgumentNullException.ThrowIfNull(npv);
        Strategy = strategy;
        _npv = npv;
        MeanUsd = npv.MeanUsd;
    }

    /// <summary>A strategy from its per-path NPVs (USD), kept by reference and not changed: the mean now, the percentiles on first use.</summary>
    public StrategyValue(Strategy strategy, double[] samplesUsd)
        : this(strategy, samplesUsd, null)
    {
    }

    // Samples a merged result owns: once it recycles them, percentiles not yet read can no longer be computed.
    internal StrategyValue(Strategy strategy, double[] samplesUsd, SampleLease? lease)
    {
        ArgumentNullException.ThrowIfNull(samplesUsd);
        Strategy = strategy;
        _samplesUsd = samplesUsd;
        _lease = lease;
        MeanUsd = NpvSummary.MeanOf(samplesUsd);
    }

    /// <summary>The strategy.</summary>
    public Strategy Strategy { get; }

    /// <summary>Mean NPV over the paths (USD), equal to <see cref="Npv"/>'s mean.</summary>
    public double MeanUsd { get; }

    /// <summary>Percentiles and mean of the NPV (USD).</summary>
    /// <exception cref="InvalidOperationException">First read after the result that owns the samples recycled them.</exception>
    public NpvSummary Npv => _npv ??= NpvSummary.Of(SampleLease.Check(_lease, _samplesUsd!)); // a race computes the same value twice, harmlessly

    /// <summary>Equal when the strategy and its summary are equal, however each was made.</summary>
    public bool Equals(StrategyValue? other) => other is not null && Strategy == other.Strategy && Npv == other.Npv;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Strategy, Npv);
}

/// <summary>
/// One site's valuation: every strategy's NPV distribution; the best strategy by mean NPV with its start year; the probability that the
/// best conversion beats mining on the same path; and, for the best conversion, the IRR and payback of converting instead of mining
/// (on the mean cash flows, USD per month).
/// </summary>
public sealed record SiteValuation(
    string Site,
    IReadOnlyList<StrategyValue> Strategies,
    Strategy Best,
    Strategy BestConversion,
    double ProbConvertBeatsMining,
    double? ConversionIrr,
    int? ConversionPaybackMonths);

/// <summary>The merged valuation of all paths: per site, the portfolio (each site on its best strategy), and hashprice percentiles by month.</summary>
public sealed class ValuationResult
{
    private readonly double[][] _npvBySiteStrategy;
    private readonly SampleLease? _lease; // set when the NPV arrays came from the pool and may go back to it

    private ValuationResult(ValuationRequest request, int paths, double[][] npv, IReadOnlyList<SiteValuation> sites, double[] portfolio, double[][] hashpriceBands,
        SampleLease? lease = null)
    {
        Request = request;
        Paths = paths;
        _npvBySiteStrategy = npv;
        _lease = lease;
        Sites = sites;
        PortfolioNpvUsd = portfolio;
        HashpriceBands = hashpriceBands;
    }

    /// <summary>
    /// A result from the parts another process merged with <see cref="Merge"/> (a cluster's coordinator): the per-path NPVs, the site
    /// valuations, the portfolio NPV per path and the hashprice bands, unchanged.
    /// </summary>
    public static ValuationResult FromParts(ValuationRequest request, int paths, double[][] npvBySiteStrategy, IReadOnlyList<SiteValuation> sites, double[] portfolioNpvUsd, double[][] hashpriceBands)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(npvBySiteStrategy);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(portfolioNpvUsd);
        ArgumentNullException.ThrowIfNull(hashpriceBands);
        if (npvBySiteStrategy.Length != request.Sites.Count * Strategy.Count(request.Years) || sites.Count != request.Sites.Count || portfolioNpvUsd.Length != paths
            || hashpriceBands.Length != BandPercentiles.Length || npvBySiteStrategy.Any(x => x.Length != paths))
        {
            throw new ArgumentException("the parts do not have the request's shape", nameof(npvBySiteStrategy));
        }

        return new ValuationResult(request, paths, npvBySiteStrategy, sites, portfolioNpvUsd, hashpriceBands);
    }

    /// <summary>Percentiles of <see cref="HashpriceBands"/>, in order.</summary>
    public static readonly double[] BandPercentiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>The request valued.</summary>
    public ValuationRequest Request { get; }

    /// <summary>Paths merged.</summary>
    public int Paths { get; }

    /// <summary>NPV samples (USD) per [site × strategies + strategy][path], for the planner and histograms.</summary>
    /// <exception cref="InvalidOperationException">Read after <see cref="RecycleSamples"/>.</exception>
    public double[][] NpvBySiteStrategy => SampleLease.Check(_lease, _npvBySiteStrategy);

    /// <summary>
    /// Hands the per-path NPV arrays back for reuse by later valuations, for a caller that has read all it needs (a server request that
    /// has built its document): afterwards <see cref="NpvBySiteStrategy"/> and any strategy percentile not yet read throw. Results not
    /// made by <see cref="Merge"/> keep their arrays; a second call does nothing.
    /// </summary>
    public void RecycleSamples()
    {
        if (_lease?.End() == true)
        {
            NpvSetPool.Return(_npvBySiteStrategy);
        }
    }

    /// <summary>Per-site valuations.</summary>
    public IReadOnlyList<SiteValuation> Sites { get; }

    /// <summary>Portfolio NPV per path (USD) with every site on its best strategy.</summary>
    public double[] PortfolioNpvUsd { get; }

    /// <summary>Hashprice (USD/PH/day) per month at each of <see cref="BandPercentiles"/>: [percentile][month].</summary>
    public double[][] HashpriceBands { get; }

    /// <summary>Each strategy kind of site <paramref name="site"/> at its best start year (by mean NPV), with its per-path NPVs (USD): what a histogram compares.</summary>
    public IReadOnlyList<(Strategy Strategy, double[] NpvUsd)> BestOfEachKind(int site)
    {
        var years = Request.Years;
        return Enum.GetValues<StrategyKind>()
            .Select(kind => Sites[site].Strategies.Where(v => v.Strategy.Kind == kind).MaxBy(v => v.MeanUsd)!.Strategy)
            .Select(s => (s, NpvBySiteStrategy[(site * Strategy.Count(years)) + Strategy.IndexOf(s.Kind, s.Year, years)]))
            .ToList();
    }

    /// <summary>Merges blocks that together cover paths 0..N−1 exactly once, in any order.</summary>
    /// <exception cref="ArgumentException">The blocks leave a gap, overlap, or disagree in shape.</exception>
    public static ValuationResult Merge(ValuationRequest request, IReadOnlyList<ValuationBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(blocks);
        var ordered = blocks.OrderBy(b => b.FirstPath).ToList();
        var paths = 0;
        foreach (var b in ordered)
        {
            if (b.FirstPath != paths || b.Sites != request.Sites.Count || b.Strategies != Strategy.Count(request.Years) || b.Months != request.Months)
            {
                throw new ArgumentException($"block at path {b.FirstPath} does not continue at path {paths} or has another shape", nameof(blocks));
            }

            paths += b.PathCount;
        }

        if (paths == 0)
        {
            throw new ArgumentException("no paths to merge", nameof(blocks));
        }

        var sites = request.Sites.Count;
        var strategies = Strategy.Count(request.Years);
        var months = request.Months;
        var npv = NpvSetPool.Rent(sites * strategies, paths); // every path is copied in from its block below
        var lease = new SampleLease();

        var miningSum = new Int128[sites * months];
        foreach (var b in ordered)
        {
            for (var k = 0; k < npv.Length; k++)
            {
                Array.Copy(b.NpvUsd, k * b.PathCount, npv[k], b.FirstPath, b.PathCount);
            }

            for (var i = 0; i < miningSum.Length; i++)
            {
                miningSum[i] += b.MiningCashFixedSum[i];
            }
        }

        var miningMean = new double[sites * months];
        for (var i = 0; i < miningMean.Length; i++)
        {
            miningMean[i] = ValuationBlock.FromFixed(miningSum[i]) / paths;
        }

        var siteValues = new List<SiteValuation>();
        var portfolio = new double[paths];
        for (var s = 0; s < sites; s++)
        {
            var values = Enumerable.Range(0, strategies).Select(k => new StrategyValue(Strategy.At(k, request.Years), npv[(s * strategies) + k], lease)).ToList();
            var best = values.MaxBy(v => v.MeanUsd)!.Strategy;
            var bestConversion = values.Skip(1).MaxBy(v => v.MeanUsd)!.Strategy;
            var bestIndex = Strategy.IndexOf(best.Kind, best.Year, request.Years);
            var conversionIndex = Strategy.IndexOf(bestConversion.Kind, bestConversion.Year, request.Years);
            var beats = 0;
            for (var p = 0; p < paths; p++)
            {
                portfolio[p] += npv[(s * strategies) + bestIndex][p];
                if (npv[(s * strategies) + conversionIndex][p] > npv[s * strategies][p])
                {
                    beats++;
                }
            }

            var (irr, payback) = Incremental(request, s, bestConversion, miningMean.AsSpan(s * months, months));
            siteValues.Add(new SiteValuation(request.Sites[s].Name, values, best, bestConversion, (double)beats / paths, irr, payback));
        }

        var bands = new double[BandPercentiles.Length][];
        for (var q = 0; q < bands.Length; q++)
        {
            bands[q] = new double[months];
        }

        // Month by month through one pooled row of the paths' hashprices (the selection reorders it).
        Span<double> band = stackalloc double[BandPercentiles.Length];
        var rented = ArrayPool<double>.Shared.Rent(paths);
        try
        {
            var row = rented.AsSpan(0, paths);
            for (var m = 0; m < months; m++)
            {
                foreach (var b in ordered)
                {
                    for (var p = 0; p < b.PathCount; p++)
                    {
                        row[b.FirstPath + p] = b.HashpriceUsdPerPhDay[(p * months) + m];
                    }
                }

                OrderStatistics.Percentiles(row, BandPercentiles, band);
                for (var q = 0; q < bands.Length; q++)
                {
                    bands[q][m] = band[q];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return new ValuationResult(request, paths, npv, siteValues, portfolio, bands, lease);
    }

    // Converting instead of mining, on mean flows: the conversion's equity flows on the converted MW less the mining it gives up.
    private static (double? Irr, int? Payback) Incremental(ValuationRequest request, int s, Strategy conversion, ReadOnlySpan<double> miningMean)
    {
        var site = request.Sites[s];
        var terms = conversion.Kind == StrategyKind.Cloud ? site.Cloud : site.Lease;
        var flows = ConversionCashFlows.For(terms, request.Financing, conversion.Year * 12, request.Months);
        var share = conversion.Kind == StrategyKind.Hybrid ? request.HybridLeaseShare : 1;
        var months = request.Months;
        var delta = new double[months];
        for (var m = 0; m < months; m++)
        {
            delta[m] = m < conversion.Year * 12 ? 0 : share * ((site.ConvertibleMw * flows.EquityUsd[m]) - (site.MiningMw * miningMean[m]));
        }

        var lastYear = 0.0;
        for (var m = Math.Max(0, months - 12); m < months; m++)
        {
            lastYear += miningMean[m];
        }

        var terminal = share * ((site.ConvertibleMw * flows.TerminalUsd) - (site.MiningMw * request.Financing.TerminalMultiple * Math.Max(0, lastYear)));
        var start = conversion.Year * 12;
        return (Finance.Irr(delta.AsSpan(start), terminal), Finance.PaybackMonths(delta.AsSpan(start)));
    }
}

/// <summary>Whether a merged result still owns its per-path NPV arrays (they may be recycled once, after which reading them throws).</summary>
internal sealed class SampleLease
{
    private int _ended;

    /// <summary>Ends the lease; true for the one call that ended it.</summary>
    public bool End() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary><paramref name="samples"/>, unless <paramref name="lease"/> has ended.</summary>
    public static T Check<T>(SampleLease? lease, T samples) => lease is null || Volatile.Read(ref lease._ended) == 0
        ? samples
        : throw new InvalidOperationException("the valuation's per-path NPVs were recycled (RecycleSamples); read them before recycling");
}
