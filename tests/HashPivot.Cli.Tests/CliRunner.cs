using System.Text.Json;

namespace HashPivot.Cli.Tests;

/// <summary>Runs the CLI in-process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Repository root: the folder holding HashPivot.slnx above the test binaries.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HashPivot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HashPivot.slnx not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record CliRun(int Exit, string Out, string Err)
{
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Out);
        return doc.RootElement.Clone();
    }
}
