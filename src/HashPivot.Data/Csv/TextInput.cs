using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv;

/// <summary>Reads a whole text file for a parser, turning I/O failures (missing file, no permission) into a located problem instead of an exception.</summary>
internal static class TextInput
{
    public static string? TryRead(string path, ProblemCollector problems)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(path, 0, null, $"cannot read the file: {ex.Message}");
            return null;
        }
    }
}
