using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HashPivot.Data.Store;

/// <summary>The store in one SQLite file (the default: nothing to install or run), in WAL mode with foreign keys enforced.</summary>
public sealed class SqliteStore : SqlStore
{
    private const int SqliteConstraint = 19;

    // As long as the driver's own default command timeout: a writer gives up after 30 s either way.
    private const string WaitWhenBusy = "PRAGMA busy_timeout = 30000";
    private readonly string _connectionString;

    private SqliteStore(string path, IReadOnlyList<Migration> migrations)
        : base(SqlDialect.Sqlite, migrations)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Description => $"SQLite {Path}";

    /// <summary>Opens (creating the file and its folders when absent) and migrates the database at <paramref name="path"/>.</summary>
    /// <exception cref="SchemaVersionException">The file was written by a newer HashPivot.</exception>
    public static SqliteStore Open(string path) => Open(path, Migrations.All);

    internal static SqliteStore Open(string path, IReadOnlyList<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var store = new SqliteStore(full, migrations);
        try
        {
            using (var connection = store.OpenConnection())
            using (var command = connection.CreateCommand())
            {
                // WAL lets readers (the web face) run while an import writes; it is a property of the file, set once.
                command.CommandText = "PRAGMA journal_mode=WAL";
                command.ExecuteNonQuery();
            }

            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        WaitInSqliteWhenBusy(connection);
        return connection;
    }

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        WaitInSqliteWhenBusy(connection);
        return connection;
    }

    // Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping 150 ms and retrying; under concurrent run saves that sleep was most of the
    // valuation endpoint's p95. SQLite's own busy handler instead retries after 1, 2, 5, 10, ... ms (at most 100 ms a step), so a writer
    // waits about as long as the write ahead of it takes. Set on every open: a pooled connection keeps it, and it costs microseconds.
    private static void WaitInSqliteWhenBusy(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WaitWhenBusy;
        command.ExecuteNonQuery();
    }

    // BEGIN IMMEDIATE: take the write lock at the start, so two writers queue instead of failing on upgrade.
    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private protected override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // The migration transaction is BEGIN IMMEDIATE already: it holds the file's write lock.
    private protected override void LockForMigration(DbConnection connection, DbTransaction transaction)
    {
    }

    private protected override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Pooled connections keep the file open; release them so the file can be moved or deleted.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }
}
