using HashPivot.Engine.Series;

namespace HashPivot.Data.Store;

/// <summary>One workspace's view of a <see cref="SqlStore"/>: its datasets, runs and portfolios only; another workspace's objects do not exist here.</summary>
/// <remarks>Does not own the underlying store: disposing the view leaves the store open.</remarks>
public sealed class WorkspaceStore : IHashPivotStore
{
    private readonly SqlStore _store;
    private readonly StoreScope _scope;

    internal WorkspaceStore(SqlStore store, long workspaceId)
    {
        _store = store;
        _scope = new StoreScope(workspaceId);
        WorkspaceId = workspaceId;
    }

    /// <summary>The workspace this view shows.</summary>
    public long WorkspaceId { get; }

    /// <inheritdoc />
    public string Description => $"{_store.Description} (workspace {WorkspaceId})";

    /// <inheritdoc />
    public Task SaveDatasetAsync(DatasetInfo info, IReadOnlyList<TimeSeries> series, bool replace = false, CancellationToken cancellationToken = default) =>
        _store.SaveDatasetAsync(_scope, info, series, replace, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(CancellationToken cancellationToken = default) =>
        _store.ListDatasetsAsync(_scope, cancellationToken);

    /// <inheritdoc />
    public Task<StoredDataset?> GetDatasetAsync(string name, CancellationToken cancellationToken = default) =>
        _store.GetDatasetAsync(_scope, name, cancellationToken);

    /// <inheritdoc />
    public Task<TimeSeries?> GetSeriesAsync(string datasetName, string seriesName, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default) =>
        _store.GetSeriesAsync(_scope, datasetName, seriesName, from, to, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteDatasetAsync(string name, CancellationToken cancellationToken = default) =>
        _store.DeleteDatasetAsync(_scope, name, cancellationToken);

    /// <inheritdoc />
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => _store.SaveRunAsync(_scope, run, cancellationToken);

    /// <inheritdoc />
    public Task<RunRecord?> GetRunAsync(string id, CancellationToken cancellationToken = default) => _store.GetRunAsync(_scope, id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(string? kind = null, CancellationToken cancellationToken = default) =>
        _store.ListRunsAsync(_scope, kind, cancellationToken);

    /// <summary>Creates a portfolio in this workspace.</summary>
    /// <exception cref="NameTakenException">The workspace has a portfolio of that name.</exception>
    public Task<PortfolioRecord> CreatePortfolioAsync(string name, string document, CancellationToken cancellationToken = default) =>
        _store.CreatePortfolioAsync(WorkspaceId, name, document, cancellationToken);

    /// <summary>This workspace's portfolios, by name.</summary>
    public Task<IReadOnlyList<PortfolioRecord>> ListPortfoliosAsync(CancellationToken cancellationToken = default) =>
        _store.ListPortfoliosAsync(WorkspaceId, cancellationToken);

    /// <summary>A portfolio of this workspace by id, or null (also when the id belongs to another workspace).</summary>
    public Task<PortfolioRecord?> GetPortfolioAsync(long id, CancellationToken cancellationToken = default) =>
        _store.GetPortfolioAsync(WorkspaceId, id, cancellationToken);

    /// <summary>Replaces a portfolio's name and document; false when this workspace has no portfolio with that id.</summary>
    public Task<bool> UpdatePortfolioAsync(long id, string name, string document, CancellationToken cancellationToken = default) =>
        _store.UpdatePortfolioAsync(WorkspaceId, id, name, document, cancellationToken);

    /// <summary>Deletes a portfolio; false when this workspace has no portfolio with that id.</summary>
    public Task<bool> DeletePortfolioAsync(long id, CancellationToken cancellationToken = default) =>
        _store.DeletePortfolioAsync(WorkspaceId, id, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
