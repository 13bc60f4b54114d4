using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;
using Microsoft.Extensions.Logging;

namespace HashPivot.Cluster.Grains;

/// <summary>The coordinator of one run: see <see cref="IValuationRunGrain"/>.</summary>
internal sealed partial class ValuationRunGrain(ILogger<ValuationRunGrain> logger) : Grain, IValuationRunGrain
{
    // A slice whose call fails (its silo died, the call timed out) is retried under a new key, so it activates on a live silo.
    private const int MaxAttempts = 8;

    private SweepOrder? _order;
    private ValuationRequest[] _requests = [];
    private string[] _keys = [];
    private Task? _run;
    private CancellationTokenSource? _cancel;
    private string _state = "idle";
    private string? _error;
    private long _pathSitesDone;
    private long _pathsTotal;
    private int _slicesDone;
    private int _slicesTotal;
    private int _retried;
    private byte[][]? _results;

    public Task StartAsync(SweepOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_run is not null)
        {
            return Task.CompletedTask;
        }

        if (order.Requests.Length == 0 || order.Paths < 1 || order.SlicePaths < 1 || order.SitesPerSlice < 0 || order.MaxInFlight < 0)
        {
            throw new ArgumentException("a sweep needs at least one request, one path, a positive slice size and non-negative site and in-flight limits", nameof(order));
        }

        _order = order;
        _requests = [.. order.Requests.Select(ValuationWire.DecodeRequest)];
        _keys = [.. order.Requests.Select(ValuationWire.Key)];
        _pathsTotal = (long)order.Paths * order.Requests.Length;
        _cancel = new CancellationTokenSource();
        _state = "running";

        // The run outlives this call: keep the activation while it works (clients poll the status, slices ask for the request).
        DelayDeactivation(TimeSpan.FromHours(6));
        _run = RunAsync(order, _cancel.Token);
        return Task.CompletedTask;
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(new RunStatus
    {
        PathsDone = _pathSitesDone,
        PathsTotal = _pathsTotal,
        SlicesDone = _slicesDone,
        SlicesTotal = _slicesTotal,
        SlicesRetried = _retried,
        State = _state,
        Error = _error,
    });

    public Task<long[]> GetResultSizesAsync() => Task.FromResult(Results().Select(r => (long)r.Length).ToArray());

    public Task<byte[]> GetResultChunkAsync(int set, long offset, int count)
    {
        var result = Results()[set];
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var start = (int)Math.Min(offset, result.Length);
        return Task.FromResult(result.AsSpan(start, Math.Min(count, result.Length - start)).ToArray());
    }

    private byte[][] Results() => _results ?? throw new InvalidOperationException($"the run is {_state}, not succeeded");

    public Task ForgetAsync()
    {
        if (_state is "succeeded" or "failed" or "cancelled")
        {
            _results = null;
            _order = null;
            _requests = [];
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    public Task CancelAsync()
    {
        _cancel?.Cancel();
        return Task.CompletedTask;
    }

    public Task<byte[]> GetRequestAsync(int set) =>
        _order is { } o && set >= 0 && set < o.Requests.Length ? Task.FromResult(o.Requests[set]) : throw new ArgumentOutOfRangeException(nameof(set));

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    private async Task RunAsync(SweepOrder order, CancellationToken cancellationToken)
    {
        var runId = this.GetPrimaryKeyString();
        var slices = SlicePlan.Cut([.. _requests.Select(r => r.Sites.Count)], order.Paths, order.SlicePaths, order.SitesPerSlice);
        _slicesTotal = slices.Count;
        var blocks = new ValuationBlock[slices.Count];
        var keys = new string[slices.Count];
        var limit = order.MaxInFlight == 0 ? slices.Count : order.MaxInFlight;
        using var gate = new SemaphoreSlim(limit);
        try
        {
            await Task.WhenAll(slices.Select(async (slice, i) =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    (blocks[i], keys[i]) = await RunSliceAsync(runId, i, slice, cancellationToken);
                    _slicesDone++;
                    _pathSitesDone += (long)slice.PathCount * slice.SiteCount / _requests[slice.Set].Sites.Count;
                }
                finally
                {
                    gate.Release();
                }
            }));

            // Merge on the grain's thread pool slot: the same ValuationResult.Merge a single process runs, over blocks equal to its own.
            _results = await Task.Run(() => Enumerable.Range(0, _requests.Length).Select(set =>
            {
                var parts = slices.Select((s, i) => (s, blocks[i])).Where(x => x.s.Set == set);
                return ValuationWire.EncodeResult(ValuationResult.Merge(_requests[set], SlicePlan.Assemble(parts)));
            }).ToArray(), CancellationToken.None);
            _pathSitesDone = _pathsTotal;
            _state = "succeeded";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _state = "cancelled";
        }
        catch (Exception e)
        {
            _state = "failed";
            _error = e.Message;
            LogRunFailed(logger, e, runId);
        }
        finally
        {
            foreach (var key in keys.Where(k => k is not null))
            {
                GrainFactory.GetGrain<IValuationSliceGrain>(key).ForgetAsync().Ignore();
            }
        }
    }

    private async Task<(ValuationBlock Block, string Key)> RunSliceAsync(string runId, int index, SliceRange slice, CancellationToken cancellationToken)
    {
        var order = new SliceOrder
        {
            RunId = runId,
            RequestKey = _keys[slice.Set],
            Set = slice.Set,
            FirstPath = slice.FirstPath,
            PathCount = slice.PathCount,
            FirstSite = slice.FirstSite,
            SiteCount = slice.SiteCount,
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var key = SliceKey(runId, index, attempt);
                var bytes = await GrainFactory.GetGrain<IValuationSliceGrain>(key).RunAsync(order, cancellationToken);
                return (ValuationWire.DecodeBlock(bytes), key);
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt + 1 < MaxAttempts)
            {
                _retried++;
                LogSliceRetry(logger, index, attempt, e.GetType().Name, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
            }
        }
    }

    private static string SliceKey(string runId, int index, int attempt) => $"{runId}/{index}/{attempt}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slice {Index} attempt {Attempt} failed ({Kind}: {Reason}); running it again elsewhere")]
    private static partial void LogSliceRetry(ILogger logger, int index, int attempt, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception error, string runId);
}
