using System.Globalization;
using System.Text.RegularExpressions;

namespace HashPivot.Cli.Tests.Commands;

public partial class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_SamplePortfolio_WritesSelfContainedReportWithEverySection()
    {
        var dir = TempDir();
        var run = CliRunner.Run("analyze", CliRunner.Sample("portfolio.yaml"), "--out", dir, "--json");

        Assert.True(run.Exit == 0, run.Err);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        foreach (var id in new[] { "economics-section", "dispatch-section", "valuation-section", "sector-section", "economics", "dispatch-totals-0", "valuation", "fan-chart", "npv-histogram", "sector-table" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // Six charts: per-site margins, the dispatch week, hashprice fan, NPV histogram, GW by company, AI backlog; each inline, named by its caption.
        Assert.Equal(6, SvgOpen().Matches(html).Count);
        Assert.Contains("Mining MW", html, StringComparison.Ordinal);
        Assert.Contains("North Hub merchant", html, StringComparison.Ordinal);

        // Self-contained: no script, no stylesheet or image fetched from anywhere.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);

        var json = run.Json();
        Assert.Equal(4, json.GetProperty("sites").GetInt32());
        Assert.Equal(Path.Combine(dir, "report.html"), json.GetProperty("report_html").GetString());
        Assert.All(json.GetProperty("files").EnumerateArray(), f => Assert.True(File.Exists(f.GetString()), f.GetString()));
    }

    [Fact]
    public void Analyze_CompareJson_IsWhatCompareCommandPrints()
    {
        var dir = TempDir();
        Assert.Equal(0, CliRunner.Run("analyze", CliRunner.Sample("portfolio.yaml"), "--out", dir).Exit);

        var compare = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json");

        Assert.Equal(compare.Out.Trim(), File.ReadAllText(Path.Combine(dir, "compare.json")).Trim());
    }

    [Fact]
    public void Analyze_ValueJson_IsWhatValueCommandPrintsForTheSamePathsAndSeed()
    {
        var dir = TempDir();
        Assert.Equal(0, CliRunner.Run("analyze", CliRunner.Sample("portfolio.yaml"), "--out", dir, "--paths", "120", "--seed", "3").Exit);

        var value = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "120", "--seed", "3", "--json");

        Assert.Equal(value.Out.Trim(), File.ReadAllText(Path.Combine(dir, "value.json")).Trim());
    }

    [Fact]
    public void Analyze_SeriesSiteDispatch_EqualsHandCalculationOfTheSeparableOptimum()
    {
        var dir = TempDir();
        var json = CliRunner.Run("analyze", CliRunner.Sample("portfolio.yaml"), "--out", dir, "--json").Json();
        var compare = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json").Json();
        var dispatch = json.GetProperty("dispatches").EnumerateArray().Single();
        var site = compare.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "North Hub merchant");

        // The sample's North Hub has no dwell, ramp, battery, reserve or 4CP: every hour stands alone, so the optimum mines exactly when
        // revenue per MWh beats the hour's price. Revenue per MWh of the available fleet, from compare's own figures:
        //   strike = PH/s × hashprice × (1 − pool fee) / (site MW × 24 h)  (compare's strike_price_usd_per_mwh),
        // and the available MW = site MW × uptime (compare counts uptime the same way in its power cost).
        var strike = site.GetProperty("mining").GetProperty("strike_price_usd_per_mwh").GetDouble();
        var availableMw = site.GetProperty("mining_load_mw").GetDouble() * 0.95; // North Hub's uptime in samples/portfolio.yaml
        var margin = 0.0;
        foreach (var line in File.ReadLines(dispatch.GetProperty("schedule_csv").GetString()!).Skip(1))
        {
            // The schedule's price column carries the site's $12/MWh adder already (prices as the site pays them).
            var price = double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture);
            margin += Math.Max(0, strike - price) * availableMw;
        }

        // Prices in the CSV are printed to the cent, so allow a cent per MWh on ~1e6 MWh.
        Assert.Equal(margin, dispatch.GetProperty("margin_usd").GetDouble(), 0.01 * 1.1e6);
        Assert.True(dispatch.GetProperty("margin_usd").GetDouble() >= dispatch.GetProperty("rule_margin_usd").GetDouble() - 1e-6);
    }

    [Fact]
    public void Analyze_BadPortfolio_ExitsTwoWithLocatedProblemAndWritesNothing()
    {
        var dir = TempDir();
        var yaml = Path.Combine(dir + "-in", "bad.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(yaml)!);
        File.WriteAllText(yaml, File.ReadAllText(CliRunner.Sample("portfolio.yaml")).Replace("interconnection_mw: 300", "interconnection_mw: -5", StringComparison.Ordinal));

        var run = CliRunner.Run("analyze", yaml, "--out", dir);

        Assert.Equal(2, run.Exit);
        Assert.Matches(@"bad\.yaml:32:\d+: sites\[0\]\.interconnection_mw: must be at least 0", run.Err);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"hashpivot-analyze-{Guid.NewGuid():N}");

    [GeneratedRegex("<svg ")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
