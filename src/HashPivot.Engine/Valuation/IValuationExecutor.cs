namespace HashPivot.Engine.Valuation;

/// <summary>Runs a valuation's Monte-Carlo paths somewhere (this process, an Orleans cluster) and returns the merged result.</summary>
/// <remarks>
/// Every implementation must return exactly <see cref="ValuationEngine.Run"/>'s result for the same request and path count:
/// paths draw from streams keyed by (seed, path), so any split into blocks merges bit for bit.
/// </remarks>
public interface IValuationExecutor
{
    /// <summary>A short name for logs and stored runs (e.g. "in-process", "cluster 127.0.0.1:30000").</summary>
    string Name { get; }

    /// <summary>Values <paramref name="paths"/> paths; <paramref name="progress"/> hears each finished block's path count.</summary>
    Task<ValuationResult> RunAsync(ValuationRequest request, int paths, IProgress<int>? progress, CancellationToken cancellationToken);
}

/// <summary>Runs the valuation on this process's thread pool (<see cref="ValuationEngine.Run"/>).</summary>
/// <remarks>
/// A run alone spreads its blocks over every core. A run without progress (a synchronous request) that starts while other runs are
/// active takes one block on one thread instead: the others already keep the cores busy, and splitting would only add scheduling and
/// merging. The result is the same either way (any split merges bit for bit).
/// </remarks>
public sealed class InProcessValuationExecutor : IValuationExecutor
{
    private int _active;

    /// <inheritdoc/>
    public string Name => "in-process";

    /// <inheritdoc/>
    public Task<ValuationResult> RunAsync(ValuationRequest request, int paths, IProgress<int>? progress, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var busy = Interlocked.Increment(ref _active) > 1;
            try
            {
                var blockPaths = busy && progress is null ? Math.Max(1, paths) : ValuationEngine.DefaultBlockPaths;
                return ValuationEngine.Run(request, paths, progress is null ? null : progress.Report, blockPaths, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }, cancellationToken);
}
