using HashPivot.Engine.Series;

namespace HashPivot.Data.Store;

/// <summary>Where HashPivot keeps imported datasets (named sets of series) and calculation runs; SQLite (<see cref="SqliteStore"/>) or PostgreSQL (<see cref="PostgresStore"/>) behind one contract.</summary>
/// <remarks>
/// Every write is one transaction: a failing or cancelled save leaves the store as it was. Opening a store applies
/// the pending schema migrations. Instances are safe to use from several threads (each call uses its own connection).
/// </remarks>
public interface IHashPivotStore : IDisposable
{
    /// <summary>A description of where the store lives (a file path, or host/port/database), for messages.</summary>
    string Description { get; }

    /// <summary>Saves a dataset and its series in one transaction.</summary>
    /// <param name="info">The dataset metadata; its name must be unique in the store.</param>
    /// <param name="series">The series, names unique within the dataset; each is stored exactly (instants and the bits of every value).</param>
    /// <param name="replace">When true and the name exists, swap the old dataset for the new one atomically: if the save fails the old one stays.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is kept.</param>
    /// <exception cref="DatasetExistsException">The name is taken and <paramref name="replace"/> is false.</exception>
    /// <exception cref="ArgumentException">The metadata is invalid or two series share a name.</exception>
    Task SaveDatasetAsync(DatasetInfo info, IReadOnlyList<TimeSeries> series, bool replace = false, CancellationToken cancellationToken = default);

    /// <summary>Every dataset, ordered by name, with its number of series and points.</summary>
    Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(CancellationToken cancellationToken = default);

    /// <summary>A dataset's metadata and series descriptions, or null when no dataset has that name.</summary>
    Task<StoredDataset?> GetDatasetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>One series of a dataset, restricted to interval starts in [<paramref name="from"/>, <paramref name="to"/>) when given; null when the dataset or series does not exist.</summary>
    Task<TimeSeries?> GetSeriesAsync(string datasetName, string seriesName, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a dataset and its series; false when no dataset had that name.</summary>
    Task<bool> DeleteDatasetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Saves a run; runs are immutable, so an existing id is an error.</summary>
    /// <exception cref="ArgumentException">The input hash does not match the inputs, or inputs or results are not JSON.</exception>
    /// <exception cref="StoreException">A run with that id exists.</exception>
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>A run by id, or null.</summary>
    Task<RunRecord?> GetRunAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Runs, newest first, optionally only those of one kind.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(string? kind = null, CancellationToken cancellationToken = default);
}
