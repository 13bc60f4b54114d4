using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Csv.Equities;

// Expected figures from ../shared/data/README.md sections 6–8.
public class EquityPriceCsvRealDataTests
{
    private const string AdjClose = "equities_daily_adjclose_2016_2026.csv";
    private const string Ohlcv = "equities_daily_ohlcv_2016_2024.csv";
    private const string Index = "index_gspc_daily_ohlcv_2016_2026.csv";

    private static double CloseOn(TimeSeries s, int year, int month, int day) =>
        s.Values[s.StartsUnixSeconds.IndexOf(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds())];

    [RealDataFact(AdjClose)]
    public void ParseFile_AdjCloseLong_FifteenTickersAllRows()
    {
        var r = EquityPriceCsv.ParseFile(SharedData.Require(AdjClose));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(15, r.Value.Series.Count);
        Assert.Equal(29_037, r.Value.Series.Sum(s => s.Count));
        Assert.Equal(new DateTimeOffset(2025, 3, 28, 0, 0, 0, TimeSpan.Zero), r.Value.Find("CRWV")!.Start); // IPO
    }

    [RealDataFact(Ohlcv)]
    public void ParseFile_OhlcvLong_TwelveTickersMatchingAdjCloseFile()
    {
        var r = EquityPriceCsv.ParseFile(SharedData.Require(Ohlcv));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(12, r.Value.Series.Count);
        Assert.Equal(15_271, r.Value.Series.Sum(s => s.Count));
        // The README cross-check: RIOT's adjusted close on 2024-03-08 is 12.35 in both files.
        Assert.Equal(12.35, CloseOn(r.Value.Find("RIOT")!, 2024, 3, 8));
    }

    [RealDataFact(Index)]
    public void ParseFile_SpIndex_OneSeriesWithKnownClose()
    {
        var r = EquityPriceCsv.ParseFile(SharedData.Require(Index), ticker: "^GSPC", unit: "index points");

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var s = Assert.Single(r.Value.Series);
        Assert.Equal(2_653, s.Count);
        Assert.Equal(5_935.94, CloseOn(s, 2025, 6, 2), 2);
    }
}
