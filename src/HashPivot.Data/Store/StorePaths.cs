namespace HashPivot.Data.Store;

/// <summary>Where the SQLite store lives by default: <c>$XDG_DATA_HOME/hashpivot/hashpivot.db</c>, else <c>~/.local/share/hashpivot/hashpivot.db</c>.</summary>
public static class StorePaths
{
    /// <summary>The file name of the default store.</summary>
    public const string FileName = "hashpivot.db";

    /// <summary>The per-user default SQLite path from the current environment.</summary>
    public static string DefaultSqlitePath() =>
        DefaultSqlitePath(Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The default SQLite path given the value of <c>XDG_DATA_HOME</c> (null or relative: ignored, as the XDG spec says) and the home folder.</summary>
    public static string DefaultSqlitePath(string? xdgDataHome, string home)
    {
        var root = !string.IsNullOrWhiteSpace(xdgDataHome) && Path.IsPathRooted(xdgDataHome)
            ? xdgDataHome
            : Path.Combine(home, ".local", "share");
        return Path.Combine(root, "hashpivot", FileName);
    }
}
