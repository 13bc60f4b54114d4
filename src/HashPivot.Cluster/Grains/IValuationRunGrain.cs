using Orleans.Concurrency;

namespace HashPivot.Cluster.Grains;

/// <summary>
/// The coordinator of one run (key: the run id): slices the sweep, hands the slices to <see cref="IValuationSliceGrain"/>s anywhere in the
/// cluster, re-runs a slice whose silo died, and merges the finished slices into exactly the single-process result.
/// </summary>
public interface IValuationRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run in the background; starting it again with the same order while it runs or after it finished is a no-op.</summary>
    Task StartAsync(SweepOrder order);

    /// <summary>Where the run stands.</summary>
    [AlwaysInterleave]
    Task<RunStatus> GetStatusAsync();

    /// <summary>Bytes of each assumption set's merged result (<see cref="Wire.ValuationWire.EncodeResult"/>); only once succeeded.</summary>
    Task<long[]> GetResultSizesAsync();

    /// <summary>
    /// Up to <paramref name="count"/> bytes of assumption set <paramref name="set"/>'s merged result from <paramref name="offset"/>: a result holds
    /// every per-path NPV (hundreds of MB for 100 sites × 10,000 paths), more than one Orleans message carries, so it travels in chunks.
    /// </summary>
    Task<byte[]> GetResultChunkAsync(int set, long offset, int count);

    /// <summary>The client has the results: drop them and deactivate (otherwise they are kept for hours, in case the client asks again).</summary>
    [OneWay]
    Task ForgetAsync();

    /// <summary>Cancels the run: slices not started are not started; the run ends "cancelled".</summary>
    [AlwaysInterleave]
    Task CancelAsync();

    /// <summary>The encoded request of assumption set <paramref name="set"/>, for a slice whose silo has not cached it yet.</summary>
    [AlwaysInterleave]
    Task<byte[]> GetRequestAsync(int set);

    /// <summary>The silo the coordinator runs on (tests use it to kill another one).</summary>
    [AlwaysInterleave]
    Task<string> GetSiloAsync();
}
