using HashPivot.Engine.Markets;

namespace HashPivot.Cli.Tests.Commands;

public sealed class MarketsCommandTests
{
    private const string Sample = "synthetic/equities_daily_2025_2026_synthetic.csv";

    [Fact]
    public void SyntheticSample_Committed_IsTheGeneratorsOutput()
    {
        // samples/synthetic/equities_daily_2025_2026_synthetic.csv is labelled synthetic and made by SyntheticEquityPrices (seed 7).
        // Set HASHPIVOT_REGENERATE_SAMPLES=1 to rewrite it.
        var text = SyntheticEquityPrices.Generate(SyntheticEquityPrices.SampleTickers, "SYNMKT", new DateOnly(2025, 1, 1), new DateOnly(2026, 7, 31), new DateOnly(2026, 5, 26), 7);
        var path = CliRunner.Sample(Sample);
        if (Environment.GetEnvironmentVariable("HASHPIVOT_REGENERATE_SAMPLES") == "1")
        {
            File.WriteAllText(path, text);
        }

        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Event_Json_HasTheDocumentedKeysAndRecoversThePlantedJump()
    {
        var run = CliRunner.Run("markets", "event", "--tickers", "SYNA,SYNC", "--date", "2026-05-26", "--benchmark", "SYNMKT", "--window=0,0", "--prices", CliRunner.Sample(Sample), "--json");

        Assert.True(run.Exit == 0, run.Err);
        var events = run.Json().GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        foreach (var key in new[] { "ticker", "return_pct", "abnormal_return_pct", "car_pct", "t_stat", "beta" })
        {
            Assert.True(events[0].TryGetProperty(key, out _), key);
        }

        // SYNA has +8 % planted on 26 May with σ 3 %: its AR must be 8 ± 6 pp; with a [0,0] window CAR = AR.
        var ar = events[0].GetProperty("abnormal_return_pct").GetDouble();
        Assert.InRange(ar, 2, 14);
        Assert.Equal(ar, events[0].GetProperty("car_pct").GetDouble(), 9);
    }

    [Fact]
    public void Event_WithoutPrices_ExitsTwoAndSaysToPassOne()
    {
        var emptyStore = Path.Combine(Path.GetTempPath(), $"hashpivot-empty-{Guid.NewGuid():N}.db");
        var run = CliRunner.Run("markets", "event", "--tickers", "WULF", "--date", "2026-05-26", "--db", emptyStore);

        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Contains("--prices is required", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_UnknownTicker_ExitsTwoNamingIt()
    {
        var run = CliRunner.Run("markets", "event", "--tickers", "NOPE", "--date", "2026-05-26", "--benchmark", "SYNMKT", "--prices", CliRunner.Sample(Sample));

        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Contains("'NOPE'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Returns_Json_ReturnIsPriceRatio()
    {
        var run = CliRunner.Run("markets", "returns", "--tickers", "SYNMKT", "--from", "2026-05-22", "--to", "2026-05-26", "--prices", CliRunner.Sample(Sample), "--json");

        Assert.True(run.Exit == 0, run.Err);
        var row = run.Json().GetProperty("returns")[0];
        Assert.Equal((row.GetProperty("to_price").GetDouble() / row.GetProperty("from_price").GetDouble() - 1) * 100, row.GetProperty("return_pct").GetDouble(), 9);
    }

    [Fact]
    public void Beta_Json_RecoversGeneratorBeta()
    {
        // The generator's SYNB has β = 2.0 with σ 3.5 % against a 1.2 % market: over ~350 days the OLS slope is 2.0 ± 0.3.
        var run = CliRunner.Run("markets", "beta", "--tickers", "SYNB", "--benchmark", "SYNMKT", "--from", "2025-01-02", "--to", "2026-05-22", "--prices", CliRunner.Sample(Sample), "--json");

        Assert.True(run.Exit == 0, run.Err);
        Assert.InRange(run.Json().GetProperty("betas")[0].GetProperty("beta").GetDouble(), 1.7, 2.3);
    }

    [Theory]
    [InlineData("car.png")]
    [InlineData("car.svg")]
    public void Event_Chart_WritesCarLinePerTicker(string name) =>
        ChartAssert.Writes(name, ["markets", "event", "--tickers", "SYNA,SYNC", "--date", "2026-05-26", "--benchmark", "SYNMKT", "--window=-2,2", "--prices", CliRunner.Sample(Sample)],
            "SYNA (CAR", "SYNC (CAR", "Cumulative abnormal return");
}
