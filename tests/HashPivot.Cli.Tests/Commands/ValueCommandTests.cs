namespace HashPivot.Cli.Tests.Commands;

public class ValueCommandTests
{
    [Fact]
    public void Value_SamplePortfolio_JsonHasTheDocumentedKeysPerSiteAndPortfolio()
    {
        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "300", "--seed", "11", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        Assert.Equal(11, json.GetProperty("seed").GetInt64());
        Assert.Equal(300, json.GetProperty("paths").GetInt32());
        Assert.Equal(64, json.GetProperty("input_hash").GetString()!.Length);
        Assert.Equal(120, json.GetProperty("hashprice_bands").GetArrayLength());
        var sites = json.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(4, sites.Count);
        foreach (var site in sites)
        {
            var p5 = site.GetProperty("npv_usd_p5").GetDouble();
            var p50 = site.GetProperty("npv_usd_p50").GetDouble();
            var p95 = site.GetProperty("npv_usd_p95").GetDouble();
            Assert.True(p5 <= p50 && p50 <= p95, $"{p5} {p50} {p95}");
            Assert.InRange(site.GetProperty("prob_convert_beats_mining").GetDouble(), 0, 1);
            Assert.Contains(site.GetProperty("best_strategy").GetString(), new[] { "mine", "lease", "gpu_cloud", "hybrid" });
            Assert.Equal(4, site.GetProperty("strategies").GetArrayLength());
            Assert.Equal(10, site.GetProperty("best_conversion_mean_npv_usd_by_year").GetArrayLength());
        }

        var portfolio = json.GetProperty("portfolio");
        Assert.True(portfolio.GetProperty("npv_usd_p5").GetDouble() <= portfolio.GetProperty("npv_usd_p95").GetDouble());
    }

    [Fact]
    public void Value_SameSeed_SameDocument_OtherSeed_OtherNumbers()
    {
        var a = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "200", "--seed", "5", "--json").Out;
        var b = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "200", "--seed", "5", "--json").Out;
        var c = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "200", "--seed", "6", "--json").Out;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Value_ZeroVolatility_BestStrategyPercentilesCoincideForFixedPriceSites()
    {
        // With no BTC shocks and a fixed power price nothing is random for Permian PPA: P5 = P50 = P95.
        var json = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "50", "--btc-volatility", "0", "--json").Json();
        var permian = json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("site").GetString() == "Permian PPA");
        var mine = permian.GetProperty("strategies").EnumerateArray().Single(s => s.GetProperty("strategy").GetString() == "mine");

        Assert.Equal(mine.GetProperty("npv_usd_p5").GetDouble(), mine.GetProperty("npv_usd_p95").GetDouble());
    }

    [Fact]
    public async Task Value_StoresTheRunWithSeedAndHash_WhenGivenADatabase()
    {
        var db = Path.Combine(Path.GetTempPath(), $"hashpivot-value-{Guid.NewGuid():N}.db");
        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "50", "--seed", "9", "--db", db, "--json");
        Assert.True(run.Exit == 0, run.Err);

        using var store = HashPivot.Data.Store.StoreFactory.Open(db);
        var runs = await store.ListRunsAsync();
        var stored = Assert.Single(runs);
        Assert.Equal("value", stored.Kind);
        Assert.Equal(9, stored.Seed);
        Assert.Equal(run.Json().GetProperty("input_hash").GetString(), stored.InputHash);
    }

    [Theory]
    [InlineData("--paths", "0")]
    [InlineData("--years", "31")]
    [InlineData("--start-month", "13")]
    [InlineData("--btc-volatility", "-1")]
    [InlineData("--fan-chart", "fan.txt")]
    public void Value_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), option, value);

        Assert.Equal(2, run.Exit);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_Sensitivity_ListsSixInputsAroundTheSameBase()
    {
        var json = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "100", "--sensitivity", "--json").Json();
        var rows = json.GetProperty("sensitivity").EnumerateArray().ToList();

        Assert.Equal(6, rows.Count);
        Assert.Equal(100, json.GetProperty("sensitivity_paths").GetInt32());
        Assert.Single(rows.Select(r => r.GetProperty("base_npv_usd").GetDouble()).Distinct());

        // The base is the main run's portfolio mean (same paths and seed).
        Assert.Equal(json.GetProperty("portfolio").GetProperty("npv_usd_mean").GetDouble(), rows[0].GetProperty("base_npv_usd").GetDouble(), 3);
    }

    [Fact]
    public void Value_Charts_AreWritten()
    {
        var fan = Path.Combine(Path.GetTempPath(), $"hashpivot-fan-{Guid.NewGuid():N}.svg");
        var hist = Path.Combine(Path.GetTempPath(), $"hashpivot-hist-{Guid.NewGuid():N}.png");

        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "100", "--fan-chart", fan, "--histogram", hist);

        Assert.True(run.Exit == 0, run.Err);
        var svg = File.ReadAllText(fan);
        Assert.Contains("P5–P95", svg, StringComparison.Ordinal);
        Assert.Contains("Median", svg, StringComparison.Ordinal);
        Assert.True(new FileInfo(hist).Length > 10_000);
    }
}
