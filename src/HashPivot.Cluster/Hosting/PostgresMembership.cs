using Npgsql;

namespace HashPivot.Cluster.Hosting;

/// <summary>
/// Checks that a PostgreSQL database holds Orleans' ADO.NET membership tables before a silo relies on them, so a missing schema is a
/// clear message instead of a silo that fails to join.
/// </summary>
public static class PostgresMembership
{
    /// <summary>The tables Orleans' PostgreSQL clustering scripts create (unquoted, so lower case in PostgreSQL).</summary>
    public static readonly IReadOnlyList<string> Tables = ["orleansquery", "orleansmembershipversiontable", "orleansmembershiptable"];

    /// <summary>The tables of <see cref="Tables"/> missing from the database (empty when clustering can start).</summary>
    public static async Task<IReadOnlyList<string>> MissingTablesAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NULL", connection);
            command.Parameters.AddWithValue("t", table);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                missing.Add(table);
            }
        }

        return missing;
    }
}
