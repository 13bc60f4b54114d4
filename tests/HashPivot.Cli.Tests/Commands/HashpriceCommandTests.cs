namespace HashPivot.Cli.Tests.Commands;

public class HashpriceCommandTests
{
    [Fact]
    public void Hashprice_ElektronicsExample_PrintsDocumentedJsonKeys()
    {
        // elektronics.dev/docs/hashprice worked example, recomputed in domain.md §1.1:
        // D = 100T, P = $100,000, S = 3.125, fees 0 ⇒ 1e15·86400/(1e14·2^32) · 3.125 · 1e5 = $62.86/PH/day.
        var run = CliRunner.Run("hashprice", "--btc-price", "100000", "--difficulty", "1e14", "--subsidy-btc", "3.125", "--json");

        Assert.Equal(0, run.Exit);
        var json = run.Json();
        Assert.Equal(62.86, json.GetProperty("hashprice_usd_per_ph_day").GetDouble(), 2);
        // H = D·2^32/600 = 1e14 · 4294967296 / 600 = 7.158e20 H/s = 715.8 EH/s.
        Assert.Equal(715.83, json.GetProperty("network_hashrate_eh_s").GetDouble(), 2);
        Assert.Equal(3.125, json.GetProperty("subsidy_btc").GetDouble());
        // Network revenue: 144 blocks × 3.125 BTC × $100,000 = $45,000,000/day.
        Assert.Equal(45_000_000, json.GetProperty("miner_revenue_usd_per_day").GetDouble(), 3);
    }

    [Fact]
    public void Hashprice_HeightGiven_UsesSubsidyOfThatEra()
    {
        // Height 1,050,000 is the fifth halving (domain.md §1.2): subsidy 1.5625 BTC.
        var run = CliRunner.Run("hashprice", "--btc-price", "100000", "--difficulty", "1e14", "--height", "1050000", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(1.5625, run.Json().GetProperty("subsidy_btc").GetDouble());
        Assert.Equal(31.43, run.Json().GetProperty("hashprice_usd_per_ph_day").GetDouble(), 2);
    }

    [Theory]
    [InlineData("hashprice", "--difficulty", "1e14")]
    [InlineData("hashprice", "--btc-price", "-5", "--difficulty", "1e14")]
    [InlineData("hashprice", "--btc-price", "abc", "--difficulty", "1e14")]
    [InlineData("hashprice", "--btc-price", "NaN", "--difficulty", "1e14")]
    [InlineData("hashprice", "--btc-price", "1", "--difficulty", "1e14", "--height", "5", "--subsidy-btc", "1")]
    [InlineData("no-such-command")]
    public void Hashprice_BadArguments_ExitTwoWithMessageOnStderr(params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains("error", run.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", run.Out);
    }
}
