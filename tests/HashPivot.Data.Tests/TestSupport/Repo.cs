namespace HashPivot.Data.Tests.TestSupport;

/// <summary>The repository the tests run from: the nearest folder above the test binaries that holds HashPivot.slnx.</summary>
internal static class Repo
{
    private static readonly Lazy<string?> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HashPivot.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The root folder, or null when the binaries run outside a checkout.</summary>
    public static string? RootOrNull => Found.Value;

    /// <summary>The root folder.</summary>
    public static string Root => Found.Value ?? throw new InvalidOperationException($"No HashPivot.slnx above {AppContext.BaseDirectory}.");

    /// <summary>A path below the root, e.g. <c>Repo.Path("samples", "portfolio.yaml")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
