using HashPivot.Cluster.Grains;
using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Tests;

public class WireTests
{
    [Fact]
    public void DecodedRequest_ValuesBitForBit_AsTheOriginal()
    {
        var request = Requests.Make(sites: 4);
        var bytes = ValuationWire.EncodeRequest(request);
        var decoded = ValuationWire.DecodeRequest(bytes);

        Requests.AssertIdentical(ValuationEngine.Run(request, 300), ValuationEngine.Run(decoded, 300));
        Assert.Equal(ValuationWire.Key(bytes), ValuationWire.Key(ValuationWire.EncodeRequest(decoded)));
        Assert.NotEqual(ValuationWire.Key(bytes), ValuationWire.Key(ValuationWire.EncodeRequest(request with { Seed = 43 })));
    }

    [Fact]
    public void BlockAndResult_RoundTrip()
    {
        var request = Requests.Make();
        var block = ValuationEngine.RunBlock(request, 10, 40);
        var back = ValuationWire.DecodeBlock(ValuationWire.EncodeBlock(block));
        Assert.Equal(block.NpvUsd, back.NpvUsd);
        Assert.Equal(block.HashpriceUsdPerPhDay, back.HashpriceUsdPerPhDay);
        Assert.Equal(block.MiningCashFixedSum, back.MiningCashFixedSum);
        Assert.Equal((block.FirstPath, block.PathCount, block.Sites, block.Strategies, block.Months), (back.FirstPath, back.PathCount, back.Sites, back.Strategies, back.Months));

        var result = ValuationEngine.Run(request, 200);
        Requests.AssertIdentical(result, ValuationWire.DecodeResult(request, ValuationWire.EncodeResult(result)));
    }

    [Fact]
    public void CorruptBytes_AreRefused_NotMisread()
    {
        var bytes = ValuationWire.EncodeRequest(Requests.Make());
        bytes[0] = 99; // version
        Assert.Throws<InvalidDataException>(() => ValuationWire.DecodeRequest(bytes));
        Assert.ThrowsAny<Exception>(() => ValuationWire.DecodeRequest(bytes[..20]));
    }

    [Theory]
    [InlineData(1000, 1000, 0)]
    [InlineData(137, 1000, 1)]
    [InlineData(50, 64, 2)]
    [InlineData(7, 100, 5)]
    public void SlicesOfSitesAndPaths_AssembleToTheWholeRun(int slicePaths, int paths, int sitesPerSlice)
    {
        // The engine-level promise the cluster rests on: any cut into site groups and path blocks, valued separately and put back
        // together, merges into exactly the single-process result.
        var request = Requests.Make(sites: 5);
        var slices = SlicePlan.Cut([request.Sites.Count], paths, slicePaths, sitesPerSlice);
        Assert.Equal(paths * request.Sites.Count, slices.Sum(s => s.PathCount * s.SiteCount));
        var parts = slices.Select(s => (s, ValuationEngine.RunBlock(request with { Sites = [.. request.Sites.Skip(s.FirstSite).Take(s.SiteCount)] }, s.FirstPath, s.PathCount)));

        Requests.AssertIdentical(ValuationEngine.Run(request, paths), ValuationResult.Merge(request, SlicePlan.Assemble(parts)));
    }

    [Theory]
    [InlineData(10_000, 20, 1_250)] // 25,000 path-sites ÷ 20 sites
    [InlineData(10_000, 100, 250)]
    [InlineData(1_000, 10, 250)]    // 2,500 for the overhead bound, but four slices at least
    [InlineData(3, 1, 1)]
    public void AutoSlicePaths_KeepsTheOverheadBound_ButSpreadsTheRun(int paths, int sites, int expected) =>
        Assert.Equal(expected, Hosting.ClusterRunOptions.AutoSlicePaths(paths, sites));
}
