using Orleans.Concurrency;

namespace HashPivot.Cluster.Grains;

/// <summary>
/// One slice of a run (key: run id, slice index and attempt): values its paths × sites with the engine and keeps the encoded block until the
/// coordinator forgets it, so a coordinator that is re-activated after its silo died collects finished slices without re-running them.
/// </summary>
public interface IValuationSliceGrain : IGrainWithStringKey
{
    /// <summary>Values the slice (once; a second call returns the kept block) and returns the encoded <see cref="Engine.Valuation.ValuationBlock"/>.</summary>
    Task<byte[]> RunAsync(SliceOrder order, CancellationToken cancellationToken);

    /// <summary>The run is merged: drop the block and deactivate.</summary>
    [OneWay]
    Task ForgetAsync();

    /// <summary>The silo the slice ran on.</summary>
    Task<string> GetSiloAsync();
}
