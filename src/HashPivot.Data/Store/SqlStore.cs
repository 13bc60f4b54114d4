using System.Data;
using System.Data.Common;
using System.Globalization;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Store;

/// <summary>The store written once over ADO.NET: both backends share these statements and differ only in connections, transactions, column types and bulk writing.</summary>
public abstract partial class SqlStore : IHashPivotStore
{
    private readonly IReadOnlyList<Migration> _migrations;

    private protected SqlStore(SqlDialect dialect, IReadOnlyList<Migration> migrations)
    {
        Dialect = dialect;
        _migrations = migrations;
    }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The schema version this code writes (the last migration step).</summary>
    public static int SchemaVersion => Migrations.Latest;

    private protected SqlDialect Dialect { get; }

    private protected abstract DbConnection OpenConnection();

    private protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that will write: it must lock early so two writers cannot deadlock on upgrade.</summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read-only transaction giving one consistent snapshot over several statements.</summary>
    private protected abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises schema migration between processes (inside <paramref name="transaction"/>).</summary>
    private protected abstract void LockForMigration(DbConnection connection, DbTransaction transaction);

    private protected abstract bool IsUniqueViolation(DbException exception);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases pooled connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Creates the version table when absent, refuses a newer schema, then applies the pending steps in one transaction.</summary>
    private protected void Migrate()
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        LockForMigration(connection, transaction);
        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS schema_version (version {Dialect.Integer} PRIMARY KEY, description TEXT NOT NULL, applied_at_utc TEXT NOT NULL)");
        long current;
        using (var command = Command(connection, transaction, "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_version"))
        {
            current = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var latest = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
        if (current > latest)
        {
            throw new SchemaVersionException(Description, checked((int)current), latest);
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements(Dialect))
            {
                Execute(connection, transaction, statement);
            }

            using var record = Command(connection, transaction, "INSERT INTO schema_version (version, description, applied_at_utc) VALUES (@v, @d, @t)");
            Add(record, "@v", (long)migration.Version);
            Add(record, "@d", migration.Description);
            Add(record, "@t", StoreTime.ToText(DateTimeOffset.UtcNow));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public Task SaveDatasetAsync(DatasetInfo info, IReadOnlyList<TimeSeries> series, bool replace = false, CancellationToken cancellationToken = default) =>
        SaveDatasetAsync(StoreScope.Own, info, series, replace, cancellationToken);

    /// <summary>The datasets, runs and portfolios of one workspace, seen through the same contract; the view shares this store's connections and does not own them.</summary>
    public WorkspaceStore ForWorkspace(long workspaceId) => new(this, workspaceId);

    internal async Task SaveDatasetAsync(StoreScope scope, DatasetInfo info, IReadOnlyList<TimeSeries> series, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(series);
        info.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await FindDatasetIdAsync(connection, transaction, scope, info.Name, cancellationToken).ConfigureAwait(false);
            if (existing is { } oldId)
            {
                if (!replace)
                {
                    throw new DatasetExistsException(info.Name);
                }

                await using var delete = Command(connection, transaction, "DELETE FROM datasets WHERE id = @id");
                Add(delete, "@id", oldId);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long datasetId;
            await using (var insert = Command(connection, transaction,
                "INSERT INTO datasets (name, kind, source, imported_at_utc, workspace_id) VALUES (@n, @k, @s, @t, @w) RETURNING id"))
            {
                Add(insert, "@n", scope.StoredName(info.Name));
                Add(insert, "@w", scope.ColumnValue, DbType.Int64);
                Add(insert, "@k", KindText(info.Kind));
                Add(insert, "@s", info.Source);
                Add(insert, "@t", StoreTime.ToText(info.ImportedAtUtc));
                datasetId = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            // One prepared statement per table, reused for every series and chunk of the import.
            await using var seriesInsert = Command(connection, transaction,
                "INSERT INTO series (dataset_id, ordinal, name, unit, interval_seconds, point_count, first_start, last_start) "
                + "VALUES (@d, @o, @n, @u, @i, @c, @f, @l) RETURNING id");
            var pDataset = Add(seriesInsert, "@d", datasetId);
            var pOrdinal = Add(seriesInsert, "@o", 0L);
            var pName = Add(seriesInsert, "@n", "");
            var pUnit = Add(seriesInsert, "@u", "");
            var pInterval = Add(seriesInsert, "@i", 0L);
            var pCount = Add(seriesInsert, "@c", 0L);
            var pFirst = Add(seriesInsert, "@f", DBNull.Value, DbType.Int64);
            var pLast = Add(seriesInsert, "@l", DBNull.Value, DbType.Int64);
            await using var chunkWriter = CreateChunkWriter(connection, transaction);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < series.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var s = series[i];
                SeriesChecks.ValidateName(s, i, seen);
                pOrdinal.Value = (long)i;
                pName.Value = s.Name;
                pUnit.Value = s.Unit;
                pInterval.Value = s.IntervalSeconds;
                pCount.Value = (long)s.Count;
                pFirst.Value = s.Count > 0 ? s.StartsUnixSeconds[0] : DBNull.Value;
                pLast.Value = s.Count > 0 ? s.StartsUnixSeconds[^1] : DBNull.Value;
                var seriesId = Convert.ToInt64(await seriesInsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                await chunkWriter.WriteAsync(seriesId, s, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // Another writer took the name between our check and our insert.
            throw new DatasetExistsException(info.Name);
        }

        // Leaving without commit (an exception, a cancellation) disposes the transaction, which rolls it back.
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(CancellationToken cancellationToken = default) =>
        ListDatasetsAsync(StoreScope.Own, cancellationToken);

    internal async Task<IReadOnlyList<DatasetSummary>> ListDatasetsAsync(StoreScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT d.name, d.kind, d.source, d.imported_at_utc, CAST(COUNT(s.id) AS BIGINT), CAST(COALESCE(SUM(s.point_count), 0) AS BIGINT) "
            + "FROM datasets d LEFT JOIN series s ON s.dataset_id = d.id "
            + "WHERE " + scope.Filter("d.workspace_id") + " "
            + "GROUP BY d.id, d.name, d.kind, d.source, d.imported_at_utc ORDER BY d.name");
        scope.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DatasetSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DatasetSummary(ReadInfo(reader, scope), checked((int)reader.GetInt64(4)), reader.GetInt64(5)));
        }

        return list;
    }

    /// <inheritdoc />
    public Task<StoredDataset?> GetDatasetAsync(string name, CancellationToken cancellationToken = default) =>
        GetDatasetAsync(StoreScope.Own, name, cancellationToken);

    internal async Task<StoredDataset?> GetDatasetAsync(StoreScope scope, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        DatasetInfo info;
        long id;
        await using (var command = Command(connection, transaction,
            "SELECT name, kind, source, imported_at_utc, id FROM datasets WHERE name = @n AND " + scope.Filter("workspace_id")))
        {
            Add(command, "@n", scope.StoredName(name));
            scope.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            info = ReadInfo(reader, scope);
            id = reader.GetInt64(4);
        }

        var series = new List<StoredSeriesInfo>();
        await using (var command = Command(connection, transaction,
            "SELECT name, unit, interval_seconds, point_count, first_start, last_start FROM series WHERE dataset_id = @d ORDER BY ordinal"))
        {
            Add(command, "@d", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                series.Add(new StoredSeriesInfo(
                    reader.GetString(0),
                    reader.GetString(1),
                    TimeSpan.FromSeconds(reader.GetInt64(2)),
                    checked((int)reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5))));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredDataset(info, series);
    }

    /// <inheritdoc />
    public Task<TimeSeries?> GetSeriesAsync(string datasetName, string seriesName, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default) =>
        GetSeriesAsync(StoreScope.Own, datasetName, seriesName, from, to, cancellationToken);

    internal async Task<TimeSeries?> GetSeriesAsync(
        StoreScope scope, string datasetName, string seriesName, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(datasetName);
        ArgumentNullException.ThrowIfNull(seriesName);
        var fromSeconds = from is { } f ? SeriesChunks.CeilingUnixSeconds(f) : long.MinValue;
        var toSeconds = to is { } t ? SeriesChunks.CeilingUnixSeconds(t) : long.MaxValue;

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        long seriesId;
        string name, unit;
        long intervalSeconds;
        long pointCount;
        await using (var command = Command(connection, transaction,
            "SELECT s.id, s.name, s.unit, s.interval_seconds, s.point_count FROM series s JOIN datasets d ON d.id = s.dataset_id "
            + "WHERE d.name = @d AND s.name = @s AND " + scope.Filter("d.workspace_id")))
        {
            Add(command, "@d", scope.StoredName(datasetName));
            scope.Bind(command);
            Add(command, "@s", seriesName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (seriesId, name, unit, intervalSeconds, pointCount) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        var capacity = fromSeconds == long.MinValue && toSeconds == long.MaxValue ? checked((int)pointCount) : 0;
        var starts = new List<long>(capacity);
        var values = new List<double>(capacity);
        if (fromSeconds < toSeconds)
        {
            await using var command = Command(connection, transaction,
                "SELECT chunk_index, point_count, starts, vals FROM series_chunks WHERE series_id = @id AND last_start >= @f AND first_start < @t ORDER BY chunk_index");
            Add(command, "@id", seriesId);
            Add(command, "@f", fromSeconds);
            Add(command, "@t", toSeconds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{datasetName}/{seriesName} chunk {reader.GetInt64(0)}");
                SeriesChunks.DecodeInto(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), checked((int)reader.GetInt64(1)),
                    fromSeconds, toSeconds, starts, values, where);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TimeSeries(name, unit, TimeSpan.FromSeconds(intervalSeconds),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(starts),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
    }

    /// <inheritdoc />
    public Task<bool> DeleteDatasetAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteDatasetAsync(StoreScope.Own, name, cancellationToken);

    internal async Task<bool> DeleteDatasetAsync(StoreScope scope, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction, "DELETE FROM datasets WHERE name = @n AND " + scope.Filter("workspace_id"));
        Add(command, "@n", scope.StoredName(name));
        scope.Bind(command);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    /// <inheritdoc />
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => SaveRunAsync(StoreScope.Own, run, cancellationToken);

    internal async Task SaveRunAsync(StoreScope scope, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Validate();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction,
            "INSERT INTO runs (id, kind, created_at_utc, inputs_json, input_hash, seed, results_json, workspace_id) VALUES (@i, @k, @c, @in, @h, @s, @r, @w)");
        Add(command, "@i", run.Id);
        Add(command, "@k", run.Kind);
        Add(command, "@c", StoreTime.ToText(run.CreatedUtc));
        Add(command, "@in", run.InputsJson);
        Add(command, "@h", run.InputHash);
        Add(command, "@s", run.Seed is { } seed ? seed : DBNull.Value, DbType.Int64);
        Add(command, "@r", run.ResultsJson);
        Add(command, "@w", scope.ColumnValue, DbType.Int64);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new StoreException($"A run with id '{run.Id}' already exists; runs are immutable.", e);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<RunRecord?> GetRunAsync(string id, CancellationToken cancellationToken = default) => GetRunAsync(StoreScope.Own, id, cancellationToken);

    internal async Task<RunRecord?> GetRunAsync(StoreScope scope, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, kind, created_at_utc, inputs_json, input_hash, seed, results_json FROM runs WHERE id = @i AND " + scope.Filter("workspace_id"));
        Add(command, "@i", id);
        scope.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new RunRecord(reader.GetString(0), reader.GetString(1), StoreTime.FromText(reader.GetString(2)), reader.GetString(3),
            reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetString(6));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(string? kind = null, CancellationToken cancellationToken = default) =>
        ListRunsAsync(StoreScope.Own, kind, cancellationToken);

    internal async Task<IReadOnlyList<RunSummary>> ListRunsAsync(StoreScope scope, string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, kind, created_at_utc, input_hash, seed FROM runs WHERE " + scope.Filter("workspace_id") + " "
            + (kind is null ? "" : "AND kind = @k ")
            + "ORDER BY created_at_utc DESC, id DESC");
        scope.Bind(command);
        if (kind is not null)
        {
            Add(command, "@k", kind);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<RunSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new RunSummary(reader.GetString(0), reader.GetString(1), StoreTime.FromText(reader.GetString(2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return list;
    }

    /// <summary>Runs one statement outside the contract (tests use it to fake a newer schema).</summary>
    internal async Task<object?> ExecuteScalarForTestsAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    /// <summary>Writes the chunks of each series; the default reuses one INSERT per chunk row.</summary>
    private protected virtual ChunkWriter CreateChunkWriter(DbConnection connection, DbTransaction transaction) => new InsertChunkWriter(connection, transaction);

    private protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant of this class; values always go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    private protected static DbParameter Add(DbCommand command, string name, object value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        if (type is { } t)
        {
            parameter.DbType = t;
        }

        command.Parameters.Add(parameter);
        return parameter;
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static async Task<long?> FindDatasetIdAsync(DbConnection connection, DbTransaction transaction, StoreScope scope, string name, CancellationToken cancellationToken)
    {
        // Only this scope's row may be replaced; a clash with another scope's stored name surfaces as a unique violation.
        await using var command = Command(connection, transaction, "SELECT id FROM datasets WHERE name = @n AND " + scope.Filter("workspace_id"));
        Add(command, "@n", scope.StoredName(name));
        scope.Bind(command);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is null or DBNull ? null : Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    private static DatasetInfo ReadInfo(DbDataReader reader, StoreScope scope) =>
        new(scope.ShownName(reader.GetString(0)), ParseKind(reader.GetString(1)), reader.GetString(2), StoreTime.FromText(reader.GetString(3)));

    private static string KindText(DatasetKind kind) => kind switch
    {
        DatasetKind.Chain => "chain",
        DatasetKind.Grid => "grid",
        DatasetKind.Equity => "equity",
        DatasetKind.Synthetic => "synthetic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown dataset kind"),
    };

    private static DatasetKind ParseKind(string text) => text switch
    {
        "chain" => DatasetKind.Chain,
        "grid" => DatasetKind.Grid,
        "equity" => DatasetKind.Equity,
        "synthetic" => DatasetKind.Synthetic,
        _ => throw new StoreException($"Unknown dataset kind '{text}' in the database."),
    };

    /// <summary>Writes the chunk rows of one series inside the import transaction.</summary>
    private protected abstract class ChunkWriter : IAsyncDisposable
    {
        public abstract Task WriteAsync(long seriesId, TimeSeries series, CancellationToken cancellationToken);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class InsertChunkWriter : ChunkWriter
    {
        private readonly DbCommand _insert;
        private readonly DbParameter _series;
        private readonly DbParameter _index;
        private readonly DbParameter _first;
        private readonly DbParameter _last;
        private readonly DbParameter _count;
        private readonly DbParameter _starts;
        private readonly DbParameter _values;

        public InsertChunkWriter(DbConnection connection, DbTransaction transaction)
        {
            _insert = Command(connection, transaction,
                "INSERT INTO series_chunks (series_id, chunk_index, first_start, last_start, point_count, starts, vals) VALUES (@s, @i, @f, @l, @c, @st, @v)");
            _series = Add(_insert, "@s", 0L);
            _index = Add(_insert, "@i", 0L);
            _first = Add(_insert, "@f", 0L);
            _last = Add(_insert, "@l", 0L);
            _count = Add(_insert, "@c", 0L);
            _starts = Add(_insert, "@st", Array.Empty<byte>());
            _values = Add(_insert, "@v", Array.Empty<byte>());
        }

        public override async Task WriteAsync(long seriesId, TimeSeries series, CancellationToken cancellationToken)
        {
            _series.Value = seriesId;
            for (var chunk = 0; chunk < SeriesChunks.ChunkCount(series.Count); chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = chunk * SeriesChunks.ChunkSize;
                var length = Math.Min(SeriesChunks.ChunkSize, series.Count - offset);
                var starts = series.StartsUnixSeconds.Slice(offset, length);
                _index.Value = (long)chunk;
                _first.Value = starts[0];
                _last.Value = starts[^1];
                _count.Value = (long)length;
                _starts.Value = SeriesChunks.EncodeStarts(starts);
                _values.Value = SeriesChunks.EncodeValues(series.Values.Slice(offset, length));
                await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public override ValueTask DisposeAsync() => _insert.DisposeAsync();
    }
}
