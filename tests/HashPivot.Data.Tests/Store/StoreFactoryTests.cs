using HashPivot.Data.Store;

namespace HashPivot.Data.Tests.Store;

public class StoreFactoryTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=55432;Username=hashpivot;Database=postgres", true)]
    [InlineData("Port=5432; host = db.example ;Database=x", true)]
    [InlineData("Server=db;Database=x", true)]
    [InlineData("/home/me/.local/share/hashpivot/hashpivot.db", false)]
    [InlineData("data/Host.db", false)]
    [InlineData("Hostname.db", false)]
    public void IsPostgresConnectionString_Text_DetectsConnectionStrings(string text, bool expected)
    {
        Assert.Equal(expected, StoreFactory.IsPostgresConnectionString(text));
    }

    [Fact]
    public async Task Open_Path_OpensSqliteStoreThatWorks()
    {
        var folder = Directory.CreateTempSubdirectory("hashpivot-factory-").FullName;
        try
        {
            using (var store = StoreFactory.Open(Path.Combine(folder, "a", "b.db")))
            {
                Assert.IsType<SqliteStore>(store);
                await store.SaveRunAsync(RunRecord.Create("compare", DateTimeOffset.UnixEpoch, "{}", "{}"));
                Assert.Single(await store.ListRunsAsync());
            }

            Assert.True(File.Exists(Path.Combine(folder, "a", "b.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void DefaultSqlitePath_XdgDataHomeSet_UsesIt()
    {
        Assert.Equal("/data/xdg/hashpivot/hashpivot.db", StorePaths.DefaultSqlitePath("/data/xdg", "/home/me"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    public void DefaultSqlitePath_XdgDataHomeUnsetOrRelative_UsesLocalShare(string? xdg)
    {
        Assert.Equal("/home/me/.local/share/hashpivot/hashpivot.db", StorePaths.DefaultSqlitePath(xdg, "/home/me"));
    }

    [Fact]
    public void DefaultSqlitePath_CurrentUser_EndsInHashpivotDb()
    {
        var path = StorePaths.DefaultSqlitePath();

        Assert.True(Path.IsPathRooted(path));
        Assert.EndsWith(Path.Combine("hashpivot", "hashpivot.db"), path, StringComparison.Ordinal);
    }
}
