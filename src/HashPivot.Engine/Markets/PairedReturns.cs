using HashPivot.Engine.Series;

namespace HashPivot.Engine.Markets;

/// <summary>Simple daily returns (fractions) of an asset and a benchmark on the dates both traded; return i runs from close Dates[i−1] to close Dates[i] (Dates[0] is the first common close, which has no return).</summary>
/// <param name="Asset">Asset name.</param>
/// <param name="Benchmark">Benchmark name.</param>
/// <param name="Closes">Common close dates; one more than the returns.</param>
/// <param name="AssetReturns">Asset simple returns.</param>
/// <param name="BenchmarkReturns">Benchmark simple returns.</param>
public sealed record PairedReturns(string Asset, string Benchmark, IReadOnlyList<DateOnly> Closes, double[] AssetReturns, double[] BenchmarkReturns)
{
    /// <summary>Number of returns.</summary>
    public int Count => AssetReturns.Length;

    /// <summary>The close date that ends return <paramref name="index"/>.</summary>
    public DateOnly EndOf(int index) => Closes[index + 1];

    /// <summary>Prices joined on common dates first, then returns taken, so a return never spans a date one side lacks (BTC trades 7 days, equities 5: BTC returns then run close-to-close between equity trading days).</summary>
    public static PairedReturns From(TimeSeries asset, TimeSeries benchmark)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(benchmark);
        var joined = Alignment.InnerJoin(asset, benchmark);
        var dates = Enumerable.Range(0, joined.Count).Select(i => DateOnly.FromDateTime(joined.InstantAt(i).UtcDateTime)).ToList();
        return new PairedReturns(asset.Name, benchmark.Name, dates, Returns.Simple(joined.Values[0]), Returns.Simple(joined.Values[1]));
    }

    /// <summary>The returns whose end dates fall in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public PairedReturns Between(DateOnly from, DateOnly to)
    {
        var idx = Enumerable.Range(0, Count).Where(i => EndOf(i) >= from && EndOf(i) <= to).ToList();
        if (idx.Count == 0)
        {
            return new PairedReturns(Asset, Benchmark, [], [], []);
        }

        var closes = new List<DateOnly> { Closes[idx[0]] };
        closes.AddRange(idx.Select(EndOf));
        return new PairedReturns(Asset, Benchmark, closes, [.. idx.Select(i => AssetReturns[i])], [.. idx.Select(i => BenchmarkReturns[i])]);
    }
}
