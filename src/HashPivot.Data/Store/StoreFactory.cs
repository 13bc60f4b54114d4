namespace HashPivot.Data.Store;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL connection string (it contains <c>Host=</c>) or else a SQLite file path.</summary>
public static class StoreFactory
{
    /// <summary>Opens and migrates the store named by <paramref name="dbOrConnectionString"/>.</summary>
    public static SqlStore Open(string dbOrConnectionString) =>
        IsPostgresConnectionString(dbOrConnectionString)
            ? PostgresStore.Open(dbOrConnectionString)
            : SqliteStore.Open(dbOrConnectionString);

    /// <summary>True when the text looks like an Npgsql connection string rather than a path (it contains <c>Host=</c>, any case, spaces allowed before <c>=</c>).</summary>
    public static bool IsPostgresConnectionString(string dbOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbOrConnectionString);
        foreach (var part in dbOrConnectionString.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && (part[..equals].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase)
                || part[..equals].Trim().Equals("Server", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
