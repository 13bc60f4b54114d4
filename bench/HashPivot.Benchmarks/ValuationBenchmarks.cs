using BenchmarkDotNet.Attributes;
using HashPivot.Engine.Valuation;

namespace HashPivot.Benchmarks;

/// <summary>
/// Issue 5's scale: 100 sites × N paths × 120 months, every site valued for mining and for lease, GPU cloud and hybrid starting in each of
/// ten years (31 strategies). Half the sites are priced from the synthetic 2024 hourly series (month-block resampled), half at flat prices.
/// </summary>
[MemoryDiagnoser]
public class ValuationBenchmarks
{
    private ValuationRequest _request = null!;

    [Params(1_000, 10_000)]
    public int Paths { get; set; }

    [GlobalSetup]
    public void Setup() => _request = Scale(100);

    [Benchmark]
    public double Run() => ValuationEngine.Run(_request, Paths).PortfolioNpvUsd[0];

    /// <summary>The benchmark's request: <paramref name="sites"/> sites around the sample portfolio's terms.</summary>
    public static ValuationRequest Scale(int sites) => ScaleRequests.Make(sites);
}
