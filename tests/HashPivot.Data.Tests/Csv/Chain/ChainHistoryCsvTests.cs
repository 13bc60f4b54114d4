using HashPivot.Data.Csv.Chain;
using HashPivot.Data.Tests.TestSupport;

namespace HashPivot.Data.Tests.Csv.Chain;

public class ChainHistoryCsvTests
{
    private const string File = "chain.csv";
    private const string Header = "date,price_usd,block_count,hashrate_ths,difficulty_mean_derived,fees_btc,tx_count";

    [Fact]
    public void Parse_CoinMetricsShape_AllFiveColumnsOnUtcDays()
    {
        const string text = Header + "\n2024-04-19,63000.5,150,6.1e8,8.6e13,25.5,500000\n2024-04-20,64000,160,6.2e8,8.6e13,37.7,900000\n";

        var r = ChainHistoryCsv.Parse(text, File);

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var h = r.Value;
        Assert.Equal(2, h.Count);
        Assert.Equal(new DateOnly(2024, 4, 20), h.Dates[1]);
        Assert.Equal(new DateTimeOffset(2024, 4, 20, 0, 0, 0, TimeSpan.Zero), h.PriceUsdPerBtc![1]);
        Assert.Equal(64000, h.PriceUsdPerBtc.Values[1]);
        Assert.Equal(8.6e13, h.Difficulty!.Values[0]);
        Assert.Equal(6.2e8, h.HashrateThs!.Values[1]);
        Assert.Equal(37.7, h.FeesBtcPerDay!.Values[1]);
        Assert.Equal(160, h.BlocksPerDay!.Values[1]);
        Assert.Equal("TH/s", h.HashrateThs.Unit);
        Assert.Equal(TimeSpan.FromDays(1), h.BlocksPerDay.Interval);
    }

    [Fact]
    public void Parse_OhlcvPriceFile_OnlyPriceFromClose()
    {
        const string text = "date,open,high,low,close,volume_usd\n2014-09-17,465.86,468.17,452.42,457.33,21056800\n";

        var h = ChainHistoryCsv.Parse(text, "btc.csv").Value;

        Assert.Equal(457.33, h.PriceUsdPerBtc!.Values[0]);
        Assert.Null(h.Difficulty);
        Assert.Null(h.HashrateThs);
        Assert.Null(h.FeesBtcPerDay);
        Assert.Null(h.BlocksPerDay);
    }

    [Fact]
    public void Parse_DuplicateDate_ErrorNamingFirstLine()
    {
        const string text = "date,price_usd\n2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n";
        ProblemAssert.Single(ChainHistoryCsv.Parse(text, File), File, 4, "date", "duplicate date 2024-01-02, first seen on line 3");
    }

    [Fact]
    public void Parse_OutOfOrderDate_Error()
    {
        const string text = "date,price_usd\n2024-01-02,1\n2024-01-01,2\n";
        ProblemAssert.Single(ChainHistoryCsv.Parse(text, File), File, 3, "date", "out of order: line 2 already had 2024-01-02");
    }

    [Fact]
    public void Parse_BadCellsInSeveralColumns_EveryOneReported()
    {
        const string text = "date,price_usd,hashrate_ths,fees_btc\n2024-01-01,abc,,NaN\n";
        var r = ChainHistoryCsv.Parse(text, File);

        Assert.Equal(3, r.TotalProblemCount);
        ProblemAssert.Contains(r, File, 2, "price_usd", "'abc' is not a number");
        ProblemAssert.Contains(r, File, 2, "hashrate_ths", "required value is empty");
        ProblemAssert.Contains(r, File, 2, "fees_btc", "not a finite number");
    }

    [Fact]
    public void Parse_NoDateColumn_HeaderError() =>
        ProblemAssert.Single(ChainHistoryCsv.Parse("day,price_usd\n2024-01-01,1\n", File), File, 1, "date", "required column is missing");

    [Fact]
    public void Parse_NoKnownValueColumn_HeaderError() =>
        ProblemAssert.Single(ChainHistoryCsv.Parse("date,tx_count\n2024-01-01,1\n", File), File, 1, null, "no known value column");

    [Fact]
    public void Parse_ExtraFieldOnRow_Error() =>
        ProblemAssert.Single(ChainHistoryCsv.Parse("date,price_usd\n2024-01-01,1,2\n", File), File, 2, null, "expected 2 fields as in the header, found 3");
}
