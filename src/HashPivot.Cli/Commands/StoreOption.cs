using System.CommandLine;
using HashPivot.Data.Store;

namespace HashPivot.Cli.Commands;

/// <summary>The global <c>--db</c> option: a SQLite file path or a PostgreSQL connection string (default: the per-user SQLite file).</summary>
internal static class StoreOption
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Store: a SQLite file path, or a PostgreSQL connection string (Host=...;Username=...). Default: ~/.local/share/hashpivot/hashpivot.db.",
        Recursive = true,
    };

    public static IHashPivotStore Open(ParseResult parsed)
    {
        var db = parsed.GetValue(Db);
        return StoreFactory.Open(string.IsNullOrWhiteSpace(db) ? StorePaths.DefaultSqlitePath() : db);
    }
}
