using System.Collections.Concurrent;
using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Grains;

/// <summary>
/// Decoded valuation requests held once per silo, keyed by content, so a run's slices on a silo fetch and decode the request (its power
/// libraries are the bulk) once instead of once per slice.
/// </summary>
public sealed class SiloRequestCache
{
    // A sweep has a few dozen assumption sets at most; beyond this the cache starts again rather than grow without bound.
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<ValuationRequest>>> _requests = new();

    /// <summary>The request with content key <paramref name="key"/>, fetched with <paramref name="fetch"/> when this silo has not seen it.</summary>
    public Task<ValuationRequest> GetAsync(string key, Func<Task<byte[]>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (_requests.Count > MaxEntries)
        {
            _requests.Clear();
        }

        var entry = _requests.GetOrAdd(key, _ => new Lazy<Task<ValuationRequest>>(async () =>
        {
            var bytes = await fetch().ConfigureAwait(false);
            return ValuationWire.Key(bytes) == key ? ValuationWire.DecodeRequest(bytes) : throw new InvalidDataException($"the run's request does not match key {key}");
        }));
        var task = entry.Value;
        if (task.IsFaulted)
        {
            _requests.TryRemove(key, out _); // a failed fetch (coordinator moving) is tried again next time
        }

        return task;
    }
}
