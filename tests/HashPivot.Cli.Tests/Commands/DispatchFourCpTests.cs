using HashPivot.Engine.Series;

namespace HashPivot.Cli.Tests.Commands;

public sealed class DispatchFourCpTests : IDisposable
{
    private const string Actual = "synthetic/system_load_2024_summer_synthetic.csv";
    private const string Forecast = "synthetic/system_load_forecast_2024_summer_synthetic.csv";

    private readonly string _dir = Directory.CreateTempSubdirectory("hashpivot-4cp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SyntheticSystemLoadSample_Committed_IsTheGeneratorsOutput()
    {
        // The two samples are labelled synthetic and made by SyntheticSystemLoad (2024, seed 7).
        // Set HASHPIVOT_REGENERATE_SAMPLES=1 to rewrite them.
        var (actual, forecast) = SyntheticSystemLoad.Generate(2024, 7);
        if (Environment.GetEnvironmentVariable("HASHPIVOT_REGENERATE_SAMPLES") == "1")
        {
            File.WriteAllText(CliRunner.Sample(Actual), actual);
            File.WriteAllText(CliRunner.Sample(Forecast), forecast);
        }

        Assert.Equal(actual, File.ReadAllText(CliRunner.Sample(Actual)));
        Assert.Equal(forecast, File.ReadAllText(CliRunner.Sample(Forecast)));
    }

    [Theory]
    // Fleet 10 MW at 20 J/TH and 40 USD/PH/day earns 40 × 1000 / (20 × 24) = 83.33 USD/MWh; at 40 USD/MWh an hour mined
    // adds (83.33 − 40) × 10 = 433.33. Four July hours (Central time); the actual load peaks at t2 (86,000 MW), the only
    // 4CP month present: 100 USD/kW-year bills 100 × 1000 / 4 = 25,000 USD per MW there.
    // Threshold 80,000 curtails t1 and t2 (forecasts 85,000 and 83,000): mines t0 and t3, 866.67, no 4CP charge.
    [InlineData(80_000, 2, 2 * 433.33333333333, 0)]
    // Threshold 84,000 curtails t1 only: mines 10 MW through the peak: 3 × 433.33 − 250,000.
    [InlineData(84_000, 1, (3 * 433.33333333333) - 250_000, 250_000)]
    public void Dispatch_FourCpRule_CurtailsOnForecastAndBillsActualPeak(double threshold, int curtailed, double margin, double charge)
    {
        var prices = Write("prices.csv", "timestamp,value\n2024-07-01T20:00:00Z,40\n2024-07-01T21:00:00Z,40\n2024-07-01T22:00:00Z,40\n2024-07-01T23:00:00Z,40\n");
        var actual = Write("actual.csv", "timestamp,value\n2024-07-01T20:00:00Z,70000\n2024-07-01T21:00:00Z,80000\n2024-07-01T22:00:00Z,86000\n2024-07-01T23:00:00Z,60000\n");
        var forecast = Write("forecast.csv", "timestamp,value\n2024-07-01T20:00:00Z,70000\n2024-07-01T21:00:00Z,85000\n2024-07-01T22:00:00Z,83000\n2024-07-01T23:00:00Z,60000\n");
        var run = CliRunner.Run("dispatch", "--prices", prices, "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--system-load", actual, "--system-load-forecast", forecast, "--4cp-threshold-mw", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--4cp-rate-usd-per-kw-year", "100", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        var rule = json.GetProperty("four_cp_rule");
        Assert.Equal(curtailed, rule.GetProperty("curtailed_intervals").GetInt32());
        Assert.Equal("2024-07-01T21:00:00Z", rule.GetProperty("curtailed_utc")[0].GetString());
        Assert.Equal(["2024-07-01T22:00:00Z"], rule.GetProperty("peaks_utc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("system_load", rule.GetProperty("peaks_from").GetString());
        Assert.Equal(charge, rule.GetProperty("four_cp_charge_usd").GetDouble(), 6);
        Assert.Equal(charge, json.GetProperty("four_cp_charge_usd").GetDouble(), 6);
        Assert.Equal(margin, rule.GetProperty("margin_usd").GetDouble(), 6);
        Assert.Equal(margin, json.GetProperty("margin_usd").GetDouble(), 6);
        Assert.Equal(3 * 433.33333333333, rule.GetProperty("perfect_foresight_margin_usd").GetDouble(), 6);
        Assert.Equal((3 * 433.33333333333) - margin, rule.GetProperty("margin_vs_perfect_foresight_usd").GetDouble(), 6);
    }

    [Fact]
    public void Dispatch_SystemLoadWithoutThreshold_ExitsTwoAndSaysWhy()
    {
        var run = CliRunner.Run("dispatch", "--prices", CliRunner.Sample("synthetic/grid_prices_hourly_2024_synthetic.csv"), "--hashprice", "40",
            "--fleet-mw", "10", "--fleet-jth", "20", "--system-load", CliRunner.Sample(Actual));

        Assert.Equal(2, run.Exit);
        Assert.Contains("--system-load belong to the 4CP rule: give --4cp-threshold-mw too", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_ThresholdWithoutPeaksOrRate_ExitsTwoNamingTheMissingInput()
    {
        var run = CliRunner.Run("dispatch", "--prices", CliRunner.Sample("synthetic/grid_prices_hourly_2024_synthetic.csv"), "--hashprice", "40",
            "--fleet-mw", "10", "--fleet-jth", "20", "--system-load-forecast", CliRunner.Sample(Forecast), "--4cp-threshold-mw", "84000");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--4cp-rate-usd-per-kw-year", run.Err, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
