using HashPivot.Cluster.Grains;
using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Hosting;

/// <summary>How a run is cut for the cluster: paths per slice, sites per slice (0 = all), slices in flight (0 = all) and the status poll.</summary>
public sealed record ClusterRunOptions
{
    /// <summary>Default paths per slice: 0, chosen per run by <see cref="AutoSlicePaths"/>.</summary>
    public const int DefaultSlicePaths = 0;

    /// <summary>
    /// Path-sites (paths × sites) a slice needs so that its fixed cost (~2–5 ms of CPU: messages, a request lookup, encoding) stays under 5 %
    /// of its work at ~4 µs a path-site (bench/RESULTS.md, issue 8).
    /// </summary>
    public const int PathSitesForFivePercent = 25_000;

    /// <summary>Paths per slice (0: <see cref="AutoSlicePaths"/>).</summary>
    public int SlicePaths { get; init; } = DefaultSlicePaths;

    /// <summary>
    /// Paths per slice for a run of <paramref name="paths"/> paths over <paramref name="sites"/> sites: enough path-sites for the 5 % overhead
    /// bound, but at least four slices a set so two silos of two cores each have work (a small run accepts more overhead to spread at all).
    /// </summary>
    public static int AutoSlicePaths(int paths, int sites)
    {
        var forOverhead = (PathSitesForFivePercent + Math.Max(1, sites) - 1) / Math.Max(1, sites);
        var forSpread = Math.Max(1, (paths + 3) / 4);
        return Math.Max(1, Math.Min(forOverhead, forSpread));
    }

    /// <summary>Sites per slice (0: every site of the request in one slice).</summary>
    public int SitesPerSlice { get; init; }

    /// <summary>Slices in flight at once (0: all).</summary>
    public int MaxInFlight { get; init; }

    /// <summary>How often the client asks the coordinator where the run stands.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// Runs valuations on an Orleans cluster: one coordinator grain per run slices it over the silos and merges the slices into exactly the
/// in-process result. If the coordinator's silo dies the run is started again under the same id; slices finished on live silos are kept.
/// </summary>
public sealed class ClusterValuationExecutor(IClusterClient client, ClusterRunOptions? options = null, string? name = null) : IValuationExecutor
{
    private readonly ClusterRunOptions _options = options ?? new ClusterRunOptions();

    /// <inheritdoc/>
    public string Name { get; } = name ?? "cluster";

    /// <summary>Hears each run's id once its coordinator has started (tests use it to find the coordinator's silo).</summary>
    internal Action<string>? RunStarted { get; init; }

    /// <inheritdoc/>
    public async Task<ValuationResult> RunAsync(ValuationRequest request, int paths, IProgress<int>? progress, CancellationToken cancellationToken) =>
        (await SweepAsync([request], paths, progress, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Values every request (assumption set) over the same <paramref name="paths"/>; <paramref name="progress"/> hears path counts as they finish.</summary>
    public async Task<IReadOnlyList<ValuationResult>> SweepAsync(IReadOnlyList<ValuationRequest> requests, int paths, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var order = new SweepOrder
        {
            Requests = [.. requests.Select(ValuationWire.EncodeRequest)],
            Paths = paths,
            SlicePaths = _options.SlicePaths > 0 ? _options.SlicePaths : ClusterRunOptions.AutoSlicePaths(paths, requests.Max(r => r.Sites.Count)),
            SitesPerSlice = _options.SitesPerSlice,
            MaxInFlight = _options.MaxInFlight,
        };
        var runId = Guid.NewGuid().ToString("N");
        var run = client.GetGrain<IValuationRunGrain>(runId);
        await run.StartAsync(order).ConfigureAwait(false);
        RunStarted?.Invoke(runId);
        using var cancel = cancellationToken.Register(() => run.CancelAsync().Ignore());
        long reported = 0;
        var failures = 0;
        while (true)
        {
            await Task.Delay(_options.PollInterval, CancellationToken.None).ConfigureAwait(false);
            RunStatus status;
            try
            {
                status = await run.GetStatusAsync().ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception) when (++failures < 20)
            {
                // The coordinator's silo is gone (or going): start the run again under the same id on a live silo; slices already
                // finished elsewhere answer from their kept blocks.
                await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None).ConfigureAwait(false);
                await TryStartAsync(run, order).ConfigureAwait(false);
                continue;
            }

            if (status.State == "idle")
            {
                await TryStartAsync(run, order).ConfigureAwait(false); // a fresh activation after the old one's silo died
                continue;
            }

            if (progress is not null && status.PathsDone > reported)
            {
                progress.Report((int)(status.PathsDone - reported));
                reported = status.PathsDone;
            }

            switch (status.State)
            {
                case "succeeded":
                    var results = new List<ValuationResult>();
                    var sizes = await run.GetResultSizesAsync().ConfigureAwait(false);
                    for (var set = 0; set < sizes.Length; set++)
                    {
                        results.Add(ValuationWire.DecodeResult(requests[set], await FetchAsync(run, set, sizes[set]).ConfigureAwait(false)));
                    }

                    run.ForgetAsync().Ignore();
                    return results;
                case "cancelled":
                    throw new OperationCanceledException("the cluster run was cancelled", cancellationToken);
                case "failed":
                    throw new InvalidOperationException($"the cluster run failed: {status.Error}");
                default:
                    break;
            }
        }
    }

    // 16 MB a message: well under Orleans' 100 MB message limit, large enough that a 250 MB result takes 16 round trips.
    private const int ChunkBytes = 16 << 20;

    private static async Task<byte[]> FetchAsync(IValuationRunGrain run, int set, long size)
    {
        var bytes = new byte[size];
        for (long offset = 0; offset < size; offset += ChunkBytes)
        {
            var chunk = await run.GetResultChunkAsync(set, offset, ChunkBytes).ConfigureAwait(false);
            chunk.CopyTo(bytes, offset);
        }

        return bytes;
    }

    private static async Task TryStartAsync(IValuationRunGrain run, SweepOrder order)
    {
        try
        {
            await run.StartAsync(order).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            // The membership has not yet noticed the dead silo; the next poll tries again.
        }
    }
}
