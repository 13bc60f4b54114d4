using HashPivot.Data.Store;
using Npgsql;

namespace HashPivot.Data.Tests.Store;

// The store contract against PostgreSQL: each test gets its own schema (search path) in the server named by
// HASHPIVOT_TEST_POSTGRES, dropped afterwards, so parallel runs never see each other's tables.
[RequiresPostgres]
public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly string? _admin = RequiresPostgresAttribute.ConnectionString;
    private readonly string _schema = "hp_test_" + Guid.NewGuid().ToString("N");
    private bool _created;

    private protected override SqlStore OpenBackend(IReadOnlyList<Migration> migrations)
    {
        var admin = _admin ?? throw new InvalidOperationException(RequiresPostgresAttribute.SkipReason);
        if (!_created)
        {
            Execute(admin, $"CREATE SCHEMA {_schema}");
            _created = true;
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema };
        return PostgresStore.Open(builder.ConnectionString, migrations);
    }

    protected override void DisposeBackend()
    {
        if (_created && _admin is not null)
        {
            Execute(_admin, $"DROP SCHEMA {_schema} CASCADE");
        }
    }

    [StoreFact]
    public void Open_ThroughFactoryWithHostConnectionString_IsPostgres()
    {
        _ = Store; // creates the schema
        var builder = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema };

        using var store = StoreFactory.Open(builder.ConnectionString);

        Assert.IsType<PostgresStore>(store);
        Assert.Contains(_schema, store.Description, StringComparison.Ordinal);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
