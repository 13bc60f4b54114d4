namespace HashPivot.Data.Tests.TestSupport;

// Finds the real data folder (read-only, never copied into the repo): HASHPIVOT_SHARED_DATA, else
// ../shared/data next to the repository root (the folder holding HashPivot.slnx above the test binaries).
internal static class SharedData
{
    private static readonly Lazy<string?> Folder = new(Locate);

    public static string? Directory => Folder.Value;

    /// <summary>The full path of a shared data file, or null when the folder or the file is absent.</summary>
    public static string? PathOf(string fileName)
    {
        if (Directory is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Why a test needing <paramref name="fileName"/> is skipped, or null when the file is present.</summary>
    public static string? SkipReason(string fileName) => PathOf(fileName) is null
        ? $"real data file '{fileName}' not found: set HASHPIVOT_SHARED_DATA or place it in ../shared/data next to the repository"
        : null;

    public static string Require(string fileName) =>
        PathOf(fileName) ?? throw new InvalidOperationException($"{fileName} not found; the test should have been skipped.");

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("HASHPIVOT_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return System.IO.Directory.Exists(fromEnv) ? fromEnv : null;
        }

        if (Repo.RootOrNull is not { } root)
        {
            return null;
        }

        var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
