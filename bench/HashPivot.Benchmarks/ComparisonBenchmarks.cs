using BenchmarkDotNet.Attributes;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Sites;
using HashPivot.Engine.Units;

namespace HashPivot.Benchmarks;

/// <summary>Cost of the per-site comparison: fixed price, and a synthetic 8,760-hour price year (strike-price curtailment).</summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private Site _fixedSite = null!;
    private Site _seriesSite = null!;
    private UsdPerPetahashDay _hashprice;

    [GlobalSetup]
    public void Setup()
    {
        var fleet = new MiningFleet([new FleetUnit(AsicCatalog.Find("s21-xp")!, 40_000), new FleetUnit(AsicCatalog.Find("s19-xp")!, 25_000)], 0.06, 0.86, 0.02);
        var lease = new ColocationLease(new UsdPerKilowattMonth(150), 0.75, 0.02, 10, 0.85, new Usd(9.5e6));
        var cloud = new GpuCloud(2.77, 2.2, 0.85, new Usd(50_000), 5, 0.12, new Usd(15e6), 0.8);

        // A deterministic synthetic year: a daily shape plus rare spikes, enough to exercise curtailment.
        var random = new Random(42);
        var prices = new double[8_760];
        for (var h = 0; h < prices.Length; h++)
        {
            prices[h] = 30 + 15 * Math.Sin(2 * Math.PI * (h % 24) / 24) + (random.NextDouble() < 0.01 ? 500 : 0) + random.NextDouble() * 10;
        }

        _fixedSite = new Site("fixed", "ERCOT", new Megawatts(300), PowerPrice.Fixed(new UsdPerMwh(32)), fleet, [], lease, cloud);
        _seriesSite = _fixedSite with { Power = PowerPrice.FromSeries(prices, new UsdPerMwh(3), "synthetic") };
        _hashprice = Hashprice.FromNetwork(new UsdPerBtc(60_000), 1.2493e14, Subsidy.AtHeight(953_568), Btc.FromBtc(0.03));
    }

    [Benchmark(Baseline = true)]
    public SiteComparison CompareFixedPrice() => SiteComparison.For(_fixedSite, _hashprice);

    [Benchmark]
    public SiteComparison CompareHourlyYear() => SiteComparison.For(_seriesSite, _hashprice);

    // Instance fields, not literals, so the JIT cannot fold the whole formula into a constant.
    private readonly double _btcPrice = 60_000;
    private readonly double _difficulty = 1.2493e14;
    private readonly long _height = 953_568;

    [Benchmark]
    public UsdPerPetahashDay HashpriceFromNetwork() =>
        Hashprice.FromNetwork(new UsdPerBtc(_btcPrice), _difficulty, Subsidy.AtHeight(_height), Btc.FromBtc(0.03));
}
