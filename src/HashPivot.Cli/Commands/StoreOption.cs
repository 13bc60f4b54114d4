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

    /// <summary>
    /// The store to look a name up in, as <see cref="Open"/>; but without <c>--db</c> and before any import the default SQLite file does
    /// not exist, and creating it only to find nothing there would leave an empty store behind: then null.
    /// </summary>
    public static IHashPivotStore? OpenForLookup(ParseResult parsed) =>
        string.IsNullOrWhiteSpace(parsed.GetValue(Db)) && !File.Exists(StorePaths.DefaultSqlitePath()) ? null : Open(parsed);
}
