using System.Text.RegularExpressions;

namespace HashPivot.Cli.Tests;

/// <summary>Every example in the README and in `--help` runs (style.md: docs that run cannot rot).</summary>
public partial class DocumentationExamplesTests
{
    public static TheoryData<string> ReadmeExamples()
    {
        var data = new TheoryData<string>();
        var inBlock = false;
        foreach (var raw in File.ReadLines(Path.Combine(CliRunner.RepoRoot, "README.md")))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            const string Run = "dotnet run --project src/HashPivot.Cli -- ";

            // Lines that talk to an Orleans cluster need running silos; ClusterCommandTests starts real ones and runs them.
            if (line.Contains("--cluster", StringComparison.Ordinal))
            {
                continue;
            }

            if (inBlock && line.StartsWith(Run, StringComparison.Ordinal))
            {
                data.Add("hashpivot " + line[Run.Length..]);
            }
            else if (inBlock && line.StartsWith("hashpivot ", StringComparison.Ordinal))
            {
                data.Add(line);
            }
        }

        return data;
    }

    public static TheoryData<string> HelpExamples()
    {
        var data = new TheoryData<string>();
        foreach (var command in new[] { "analyze", "value", "plan", "hashprice", "compare", "asics", "deal", "halvings", "data synth grid", "data import", "data list", "data show", "data delete", "dispatch", "sector", "contracts", "markets event", "markets returns", "markets beta" })
        {
            var help = CliRunner.Run([.. command.Split(' '), "--help"]).Out;
            foreach (Match m in ExampleLine().Matches(help))
            {
                data.Add(m.Groups[1].Value.Trim());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void ReadmeExample_Runs_ExitsZeroWithOutput(string commandLine) => AssertRuns(commandLine);

    [Theory]
    [MemberData(nameof(HelpExamples))]
    public void HelpExample_Runs_ExitsZeroWithOutput(string commandLine) => AssertRuns(commandLine);

    [Fact]
    public void Readme_HasExamples_ForEveryCommand()
    {
        var examples = ((IEnumerable<object[]>)ReadmeExamples()).Select(row => (string)row[0]).ToList();
        foreach (var command in new[] { "analyze", "value", "plan", "hashprice", "compare", "asics", "deal", "halvings", "data synth grid", "dispatch" })
        {
            Assert.Contains(examples, e => e.StartsWith($"hashpivot {command}", StringComparison.Ordinal));
        }
    }

    private static void AssertRuns(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

        // Whatever follows --out (a file or a report folder) goes to a fresh temporary path, never into the test's working folder.
        var args = words
            .Select((a, i) => i > 0 && words[i - 1] == "--out" ? Path.Combine(Path.GetTempPath(), $"hashpivot-{Guid.NewGuid():N}-{Path.GetFileName(a)}") : a)
            .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(CliRunner.RepoRoot, a)
                : a.EndsWith(".csv", StringComparison.Ordinal) || a.EndsWith(".png", StringComparison.Ordinal) || a.EndsWith(".svg", StringComparison.Ordinal)
                    ? Path.Combine(Path.GetTempPath(), $"hashpivot-{Guid.NewGuid():N}-{a}")
                : a)
            .ToArray();

        if (args[0] == "data" && !args.Contains("--db"))
        {
            // Data examples run against a fresh store holding the dataset the README's examples name, never the user's.
            var db = Path.Combine(Path.GetTempPath(), $"hashpivot-doc-{Guid.NewGuid():N}.db");
            var seed = CliRunner.Run("data", "import", CliRunner.Sample("synthetic/grid_prices_hourly_2024_synthetic.csv"), "--kind", "grid", "--name", "synthetic-2024", "--db", db);
            Assert.True(seed.Exit == 0, seed.Err);
            args = [.. args, "--db", db];
        }

        var run = CliRunner.Run(args);

        Assert.True(run.Exit == 0, $"'{commandLine}' exited {run.Exit}: {run.Err}");
        Assert.False(string.IsNullOrWhiteSpace(run.Out), $"'{commandLine}' printed nothing");
        if (args.Contains("--json"))
        {
            run.Json();
        }
    }

    [GeneratedRegex(@"Example: (hashpivot [^\r\n]+)")]
    private static partial Regex ExampleLine();
}
