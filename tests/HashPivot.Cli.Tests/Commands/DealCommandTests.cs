namespace HashPivot.Cli.Tests.Commands;

public class DealCommandTests
{
    [Fact]
    public void Deal_IrenMicrosoft_ImpliesAbout97MillionPerMwYear()
    {
        // IREN–Microsoft: $9.7B, 5-year term, 200 MW critical IT (domain.md §3.5; benzinga.com 2025-11-03):
        // 9.7e9 / (200 × 5) = $9.7M per MW-year = 9.7e6 / 1000 / 12 = $808.33 per kW-month.
        var run = CliRunner.Run("deal", "--value-usd", "9.7e9", "--mw", "200", "--years", "5", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(9_700_000, run.Json().GetProperty("usd_per_mw_year").GetDouble(), 6);
        Assert.Equal(808.33, run.Json().GetProperty("usd_per_kw_month").GetDouble(), 2);
    }

    [Fact]
    public void Deal_ZeroMegawatts_ExitsTwo()
    {
        var run = CliRunner.Run("deal", "--value-usd", "1e9", "--mw", "0", "--years", "5");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--mw", run.Err, StringComparison.Ordinal);
    }
}
