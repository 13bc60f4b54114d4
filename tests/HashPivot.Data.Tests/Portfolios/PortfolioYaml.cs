using HashPivot.Data.Portfolios;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests.Portfolios;

/// <summary>Shared inputs and assertions for the portfolio loader tests.</summary>
internal static class PortfolioYaml
{
    public const string FileName = "test.yaml";

    /// <summary>
    /// The smallest valid portfolio. Line numbers the tests rely on:
    /// 1 network, 2 btc_price_usd, 3 difficulty, 4 height, 5 sites, 6 "- name" (key at column 5),
    /// 7 market, 8 interconnection_mw (value at column 25), 9 power, 10 fixed_usd_per_mwh (value at column 26).
    /// </summary>
    public const string Minimal = """
        network:
          btc_price_usd: 60000
          difficulty: 1.2e14
          height: 950000
        sites:
          - name: A
            market: ERCOT
            interconnection_mw: 100
            power:
              fixed_usd_per_mwh: 40
        """;

    public static string BaseDirectory => Path.GetTempPath();

    public static string SamplePath => Repo.Path("samples", "portfolio.yaml");

    public static IReadOnlyList<InputProblem> Problems(string yaml, PortfolioLoader? loader = null, string? baseDirectory = null) =>
        Assert.Throws<InputException>(() => (loader ?? new PortfolioLoader()).Load(yaml, FileName, baseDirectory ?? BaseDirectory)).Problems;

    /// <summary>Asserts the only problem of <paramref name="yaml"/> is at (line, column) on <paramref name="field"/> with a message containing <paramref name="message"/>.</summary>
    public static InputProblem Single(string yaml, int line, int column, string field, string message)
    {
        var problems = Problems(yaml);
        var problem = Assert.Single(problems);
        AssertAt(problem, line, column, field, message);
        return problem;
    }

    public static void AssertAt(InputProblem problem, int line, int column, string field, string message)
    {
        Assert.Equal(FileName, problem.File);
        Assert.Equal((line, column, field), (problem.Line, problem.Column, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Comments out the line holding <c>key:</c> and every more-indented line below it (its block), keeping
    /// line numbers; a leading "- " stays so the list item survives.
    /// </summary>
    public static string WithoutKey(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith(key + ":", StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{key}' is not in the YAML");
        var indent = lines[index].Length - lines[index].TrimStart(' ', '-').Length;
        lines[index] = lines[index][..indent] + "# removed";
        for (var i = index + 1; i < lines.Length && lines[i].Length - lines[i].TrimStart(' ', '-').Length > indent; i++)
        {
            lines[i] = new string(' ', indent) + "# removed";
        }

        return string.Join('\n', lines);
    }
}
