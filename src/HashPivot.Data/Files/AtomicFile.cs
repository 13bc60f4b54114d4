namespace HashPivot.Data.Files;

/// <summary>Writes a file atomically: the content goes to a temporary file in the target's folder, renamed over the target once complete.</summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> with a temporary path (same folder and extension as <paramref name="path"/>), then moves it over <paramref name="path"/>; on failure the temporary file is removed and the target left as it was.</summary>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
