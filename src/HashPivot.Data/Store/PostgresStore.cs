using System.Data;
using System.Data.Common;
using HashPivot.Engine.Series;
using Npgsql;
using NpgsqlTypes;

namespace HashPivot.Data.Store;

/// <summary>The store in a PostgreSQL database (shared by several users or machines); series chunks are written with binary COPY.</summary>
public sealed class PostgresStore : SqlStore
{
    // Any constant works: it only has to be the same for every HashPivot process migrating this database.
    private const long MigrationLockKey = 0x4861736850697674; // "HashPivt"
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStore(string connectionString, IReadOnlyList<Migration> migrations)
        : base(SqlDialect.Postgres, migrations)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}"
            + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>Connects with an Npgsql connection string (<c>Host=…;Port=…;Username=…;Database=…</c>, optionally <c>Search Path=schema</c>) and migrates the database.</summary>
    /// <exception cref="SchemaVersionException">The database was written by a newer HashPivot.</exception>
    public static PostgresStore Open(string connectionString) => Open(connectionString, Migrations.All);

    internal static PostgresStore Open(string connectionString, IReadOnlyList<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgresStore(connectionString, migrations);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    private protected override async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    // A transaction-scoped advisory lock: two processes opening a fresh database cannot both create the tables.
    private protected override void LockForMigration(DbConnection connection, DbTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@k)");
        Add(command, "@k", MigrationLockKey);
        command.ExecuteNonQuery();
    }

    private protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private protected override ChunkWriter CreateChunkWriter(DbConnection connection, DbTransaction transaction) =>
        new CopyChunkWriter((NpgsqlConnection)connection);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    // Binary COPY streams all chunk rows of a series in one round trip; it runs inside the open transaction.
    private sealed class CopyChunkWriter(NpgsqlConnection connection) : ChunkWriter
    {
        public override async Task WriteAsync(long seriesId, TimeSeries series, CancellationToken cancellationToken)
        {
            var chunks = SeriesChunks.ChunkCount(series.Count);
            if (chunks == 0)
            {
                return;
            }

            var importer = await connection.BeginBinaryImportAsync(
                "COPY series_chunks (series_id, chunk_index, first_start, last_start, point_count, starts, vals) FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                for (var chunk = 0; chunk < chunks; chunk++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var offset = chunk * SeriesChunks.ChunkSize;
                    var length = Math.Min(SeriesChunks.ChunkSize, series.Count - offset);
                    var starts = series.StartsUnixSeconds.Slice(offset, length);
                    var first = starts[0];
                    var last = starts[^1];
                    var startBytes = SeriesChunks.EncodeStarts(starts);
                    var valueBytes = SeriesChunks.EncodeValues(series.Values.Slice(offset, length));
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(seriesId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync((long)chunk, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(first, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(last, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync((long)length, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(startBytes, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(valueBytes, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
