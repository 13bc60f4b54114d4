using HashPivot.Data.Csv.Grid;
using HashPivot.Engine.Valuation;

namespace HashPivot.Benchmarks;

/// <summary>
/// The valuation benchmarks' request: sites around the sample portfolio's terms, half priced from the synthetic 2024 hourly series
/// (month-block resampled), half at flat prices. Shared (linked) by the BenchmarkDotNet project and the cluster benchmark.
/// </summary>
internal static class ScaleRequests
{
    /// <summary><paramref name="sites"/> sites, 10 years, seed 42.</summary>
    public static ValuationRequest Make(int sites)
    {
        var root = FindRoot();
        var series = GridPriceCsv.ParseFile(Path.Combine(root, "samples/synthetic/grid_prices_hourly_2024_synthetic.csv")).ValueOrThrow().Select("prices", null, "column");
        var library = PowerMonthLibrary.FromSeries(series.StartsUnixSeconds, series.Values);
        var lease = new ConversionTerms(1_300_000, 0.15, 0, 0.03, 0, 9_000_000, 12, 0, 0, 20);
        var cloud = new ConversionTerms(12_000_000, 0.2, 450_000, 0, -0.15, 45_000_000, 9, 30_000_000, 5, 5);
        var list = Enumerable.Range(0, sites).Select(i => new ValuationSite(
            $"site {i}", 50 + (i % 7 * 20), 17 + (i % 5), 60 + (i % 7 * 20),
            i % 2 == 0 ? library : PowerMonthLibrary.Flat(30 + (i % 9 * 3)), 0.9 + (i % 3 * 0.1), lease, cloud)).ToList();
        return new ValuationRequest(60_000, 894_000, 953_568, 1, new LogPriceModel(0, 0.55),
            new NetworkResponse(28, 0.16, 50, 0.02, 3, 0.05, 0.08, 0.01), list, new Financing(0.10, 0.5, 0.09, 5, 0.21, 5), 10, 0.5, 42);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HashPivot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HashPivot.slnx not found");
    }
}
