using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Tests.TestSupport;

namespace HashPivot.Data.Tests.Csv.Equities;

public class EquityPriceCsvTests
{
    private const string File = "eq.csv";

    [Fact]
    public void Parse_LongOhlcv_PerTickerAdjClose()
    {
        const string text = "date,ticker,open,high,low,close,adj_close,volume\n"
            + "2024-03-07,MARA,20,21,19,20.5,20.4,1000\n2024-03-07,RIOT,12,13,11,12.5,12.4,2000\n"
            + "2024-03-08,MARA,21,22,20,21.5,21.4,1100\n2024-03-08,RIOT,13,14,12,13.5,13.4,2100\n";

        var r = EquityPriceCsv.Parse(text, File);

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(["MARA", "RIOT"], r.Value.Series.Select(s => s.Name));
        var riot = r.Value.Find("RIOT")!;
        Assert.Equal([12.4, 13.4], riot.Values.ToArray());
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 0, 0, 0, TimeSpan.Zero), riot[1]);
        Assert.Equal("USD", riot.Unit);
    }

    [Fact]
    public void Parse_IndexWithoutTicker_NamedByArgumentWithUnit()
    {
        const string text = "date,open,high,low,close,adj_close,volume\n2016-01-04,2038.2,2038.2,1989.68,2012.66,2012.66,4304880000\n";

        var s = EquityPriceCsv.Parse(text, "idx.csv", ticker: "^GSPC", unit: "index points").Value.Series.Single();

        Assert.Equal(("^GSPC", "index points", 2012.66), (s.Name, s.Unit, s.Values[0]));
    }

    [Fact]
    public void Parse_CloseOnly_UsesClose() =>
        Assert.Equal(5.5, EquityPriceCsv.Parse("date,ticker,close\n2024-01-02,X,5.5\n", File).Value.Series[0].Values[0]);

    [Fact]
    public void Parse_TextInVolumeNotKept_StillReported()
    {
        const string text = "date,ticker,open,high,low,close,adj_close,volume\n2024-03-07,MARA,20,21,19,20.5,20.4,many\n";
        ProblemAssert.Single(EquityPriceCsv.Parse(text, File), File, 2, "volume", "'many' is not a number");
    }

    [Fact]
    public void Parse_DuplicateTickerDate_Error()
    {
        const string text = "date,ticker,adj_close\n2024-01-02,MARA,1\n2024-01-02,RIOT,2\n2024-01-02,MARA,3\n";
        ProblemAssert.Single(EquityPriceCsv.Parse(text, File), File, 4, "date", "duplicate interval 2024-01-02T00:00Z for 'MARA', first seen on line 2");
    }

    [Fact]
    public void Parse_EmptyTicker_Error() =>
        ProblemAssert.Single(EquityPriceCsv.Parse("date,ticker,adj_close\n2024-01-02,,1\n", File), File, 2, "ticker", "required ticker is empty");

    [Fact]
    public void Parse_NoPriceColumn_HeaderError() =>
        ProblemAssert.Single(EquityPriceCsv.Parse("date,ticker,volume\n2024-01-02,X,1\n", File), File, 1, "adj_close", "required column is missing");
}
