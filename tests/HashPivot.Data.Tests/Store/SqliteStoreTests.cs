using HashPivot.Data.Store;

namespace HashPivot.Data.Tests.Store;

// The store contract against SQLite, each test on its own temporary file.
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hashpivot-store-").FullName;

    private string DbPath => Path.Combine(_folder, "nested", "deeper", "hashpivot.db");

    private protected override SqlStore OpenBackend(IReadOnlyList<Migration> migrations) => SqliteStore.Open(DbPath, migrations);

    protected override void DisposeBackend() => Directory.Delete(_folder, recursive: true);

    [StoreFact]
    public void Open_MissingFolders_CreatesThemAndTheFile()
    {
        Assert.False(File.Exists(DbPath));

        var store = (SqliteStore)Open(Migrations.All);

        Assert.True(File.Exists(DbPath));
        Assert.Equal(Path.GetFullPath(DbPath), store.Path);
        Assert.Contains(DbPath, store.Description, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Open_NewerSchemaVersion_MessageNamesTheFile()
    {
        await Store.ExecuteScalarForTestsAsync("INSERT INTO schema_version VALUES (7, 'future', '2030-01-01T00:00:00.0000000Z')");

        var error = Assert.Throws<SchemaVersionException>(() => Open(Migrations.All));

        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
    }
}
