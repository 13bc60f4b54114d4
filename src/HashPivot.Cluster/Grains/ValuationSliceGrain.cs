using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;
using Orleans.Placement;

namespace HashPivot.Cluster.Grains;

/// <summary>Runs one slice with the engine (<see cref="ValuationEngine.RunBlock"/>, the code the CLI runs) and keeps its block until forgotten.</summary>
[RandomPlacement]
internal sealed class ValuationSliceGrain(SiloRequestCache cache) : Grain, IValuationSliceGrain
{
    private static long _executions;

    private byte[]? _block;

    /// <summary>Slices valued by the engine in this process since it started (a slice answered from its kept block does not count).</summary>
    internal static long Executions => Interlocked.Read(ref _executions);

    public async Task<byte[]> RunAsync(SliceOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_block is not null)
        {
            return _block;
        }

        var run = GrainFactory.GetGrain<IValuationRunGrain>(order.RunId);
        var request = await cache.GetAsync(order.RequestKey, () => run.GetRequestAsync(order.Set));
        var sliced = order.FirstSite == 0 && order.SiteCount == request.Sites.Count
            ? request
            : request with { Sites = [.. request.Sites.Skip(order.FirstSite).Take(order.SiteCount)] };

        // Paths draw from streams keyed by (seed, path) and the market path does not depend on the sites, so a slice of sites and paths
        // gives exactly those sites' and paths' numbers of the whole run. CPU-bound work goes to the thread pool, off the grain's turn.
        var block = await Task.Run(() => ValuationEngine.RunBlock(sliced, order.FirstPath, order.PathCount), cancellationToken);
        Interlocked.Increment(ref _executions);
        _block = ValuationWire.EncodeBlock(block);
        return _block;
    }

    public Task ForgetAsync()
    {
        _block = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);
}
