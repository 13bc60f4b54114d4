using System.Collections.Concurrent;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Store;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Valuation;

namespace HashPivot.Web.Api;

/// <summary>
/// A stored portfolio as loaded (parsed document and its sites' price series), with what is derived from it alone: the engine request per
/// horizon (without its seed) and the compare document's JSON. Kept per (workspace, portfolio, update time) and checked against the
/// document and the import time of every dataset it read, so repeated valuations and compares skip the YAML parse, the series read and
/// the power-month resampling.
/// </summary>
/// <remarks>Only inputs and the deterministic compare are cached, never valuation results: each valuation runs its own paths with its own seed.</remarks>
internal sealed class PortfolioInputCache
{
    /// <summary>The assumptions every server valuation uses (<c>hashpivot value</c>'s defaults).</summary>
    public static readonly ValuationAssumptions Assumptions = new();

    private const int MaxEntries = 64;
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    // One load per key at a time (striped locks, bounded): 16 requests arriving together for a cold portfolio parse it once, not 16 times.
    private readonly SemaphoreSlim[] _loading = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The engine request for the record, horizon and seed; from the cache when the portfolio and its datasets are unchanged.</summary>
    public async Task<ValuationRequest> RequestAsync(WorkspaceStore store, PortfolioRecord record, int years, long seed, CancellationToken cancellationToken) =>
        (await EntryAsync(store, record, cancellationToken)).Request(years) with { Seed = seed };

    /// <summary>The compare document of the record (<c>hashpivot compare --json</c>); built once per cached portfolio.</summary>
    public async Task<CompareDocument> CompareAsync(WorkspaceStore store, PortfolioRecord record, CancellationToken cancellationToken) =>
        (await EntryAsync(store, record, cancellationToken)).Compare.Value;

    /// <summary>The compare document of the record as the API's UTF-8 JSON; serialised once per cached portfolio.</summary>
    public async Task<ReadOnlyMemory<byte>> CompareJsonAsync(WorkspaceStore store, PortfolioRecord record, CancellationToken cancellationToken) =>
        (await EntryAsync(store, record, cancellationToken)).CompareJson.Value;

    private async Task<Entry> EntryAsync(WorkspaceStore store, PortfolioRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var key = new Key(store.WorkspaceId, record.Id, record.UpdatedUtc);
        if (await HitAsync(store, record, key, cancellationToken) is { } hit)
        {
            return hit;
        }

        var gate = _loading[(key.GetHashCode() & int.MaxValue) % _loading.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await HitAsync(store, record, key, cancellationToken) ?? await LoadAsync(store, record, key, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Entry?> HitAsync(WorkspaceStore store, PortfolioRecord record, Key key, CancellationToken cancellationToken) =>
        _entries.TryGetValue(key, out var entry) && entry.Document == record.Document && await FreshAsync(store, entry, cancellationToken) ? entry : null;

    private async Task<Entry> LoadAsync(WorkspaceStore store, PortfolioRecord record, Key key, CancellationToken cancellationToken)
    {
        var datasets = new List<string>();
        var loaded = await Task.Run(() => Portfolios.LoadWithSeries(store, record, datasets.Add), cancellationToken);
        var stamps = new List<(string, DateTimeOffset)>();
        foreach (var name in datasets.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetDatasetAsync(name, cancellationToken) is { } d)
            {
                stamps.Add((name, d.Info.ImportedAtUtc));
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(record.Document, loaded, stamps);
        _entries[key] = entry;
        return entry;
    }

    private static async Task<bool> FreshAsync(WorkspaceStore store, Entry entry, CancellationToken cancellationToken)
    {
        foreach (var (name, imported) in entry.Datasets)
        {
            if (await store.GetDatasetAsync(name, cancellationToken) is not { } d || d.Info.ImportedAtUtc != imported)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Key(long WorkspaceId, long PortfolioId, DateTimeOffset UpdatedUtc);

    private sealed class Entry
    {
        private readonly PortfolioWithSeries _loaded;

        // Lazy per horizon: requests arriving together for a new horizon resample the power months once.
        private readonly ConcurrentDictionary<int, Lazy<ValuationRequest>> _requests = new();

        public Entry(string document, PortfolioWithSeries loaded, IReadOnlyList<(string Name, DateTimeOffset ImportedUtc)> datasets)
        {
            _loaded = loaded;
            Document = document;
            Datasets = datasets;
            Compare = new(() => CompareDocument.Run(loaded.Portfolio));
            CompareJson = new(() => JsonSerializer.SerializeToUtf8Bytes(Compare.Value, ApiJson.Options));
        }

        public string Document { get; }

        public IReadOnlyList<(string Name, DateTimeOffset ImportedUtc)> Datasets { get; }

        public Lazy<CompareDocument> Compare { get; }

        public Lazy<byte[]> CompareJson { get; }

        public ValuationRequest Request(int years) =>
            _requests.GetOrAdd(years, y => new Lazy<ValuationRequest>(() => ValuationInputs.Request(_loaded, Assumptions, y, 0))).Value;
    }
}
