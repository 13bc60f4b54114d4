using HashPivot.Data.Csv.Chain;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Csv.Chain;

// Expected figures from ../shared/data/README.md sections 1–2.
public class ChainHistoryCsvRealDataTests
{
    private const string Network = "btc_network_daily_2016_2026.csv";
    private const string Ohlcv = "btc_usd_daily_ohlcv_2014_2026.csv";

    [RealDataFact(Network)]
    public void ParseFile_CoinMetricsNetwork_EveryDayAllColumns()
    {
        var r = ChainHistoryCsv.ParseFile(SharedData.Require(Network));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var h = r.Value;
        Assert.Equal(3_734, h.Count);
        Assert.Equal(new DateOnly(2016, 1, 1), h.Dates[0]);
        Assert.Equal(new DateOnly(2026, 3, 22), h.Dates[^1]);
        Assert.Equal(1.038803e11, h.Difficulty!.Values[0]);
        Assert.Equal(135, h.BlocksPerDay!.Values[0]);
        Assert.NotNull(h.HashrateThs);
        Assert.NotNull(h.FeesBtcPerDay);
        Assert.True(InstantAudit.Audit(h.PriceUsdPerBtc!.StartsUnixSeconds, h.PriceUsdPerBtc.Interval).IsClean); // "no missing days"
    }

    [RealDataFact(Ohlcv)]
    public void ParseFile_BtcUsdOhlcv_PriceOnly()
    {
        var r = ChainHistoryCsv.ParseFile(SharedData.Require(Ohlcv));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(4_158, r.Value.Count);
        Assert.Equal(457.334015, r.Value.PriceUsdPerBtc!.Values[0]); // 2014-09-17 close, first data row
        Assert.Null(r.Value.Difficulty);
    }
}
