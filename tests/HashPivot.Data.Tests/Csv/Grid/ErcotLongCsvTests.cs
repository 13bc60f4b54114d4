using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Tests.TestSupport;

namespace HashPivot.Data.Tests.Csv.Grid;

public class ErcotLongCsvTests
{
    private const string File = "dam.csv";
    private static readonly DateOnly Spring2024 = new(2024, 3, 10);
    private static readonly DateOnly Fall2024 = new(2024, 11, 3);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_SpringForwardDay_23HourlyValuesOnContinuousUtcHours()
    {
        var r = GridPriceCsv.Parse(ErcotText.DamDay(Spring2024), File);

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(GridPriceLayout.ErcotLongHourly, r.Value.Layout);
        var s = Assert.Single(r.Value.Series);
        Assert.Equal("HB_NORTH", s.Name);
        Assert.Equal(TimeSpan.FromHours(1), s.Interval);
        Assert.Equal(23, s.Count);
        Assert.Equal(Utc(3, 10, 6), s[0]);   // HE01 = 00:00 CST = 06:00Z
        Assert.Equal(Utc(3, 10, 7), s[1]);   // HE02 = 01:00 CST = 07:00Z
        Assert.Equal(Utc(3, 10, 8), s[2]);   // HE04 = 03:00 CDT = 08:00Z (no HE03)
        Assert.Equal(Utc(3, 11, 4), s[22]);  // HE24 = 23:00 CDT = 04:00Z next day
        Assert.True(HashPivot.Engine.Series.InstantAudit.Audit(s.StartsUnixSeconds, s.Interval).IsClean);
    }

    [Fact]
    public void Parse_FallBackDay_25HourlyValuesWithHe02Twice()
    {
        var r = GridPriceCsv.Parse(ErcotText.DamDay(Fall2024), File);

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var s = Assert.Single(r.Value.Series);
        Assert.Equal(25, s.Count);
        Assert.Equal(Utc(11, 3, 5), s[0]);   // HE01 = 00:00 CDT = 05:00Z
        Assert.Equal(Utc(11, 3, 6), s[1]);   // HE02 N = 01:00 CDT = 06:00Z
        Assert.Equal(Utc(11, 3, 7), s[2]);   // HE02 Y = 01:00 CST = 07:00Z
        Assert.Equal(Utc(11, 3, 8), s[3]);   // HE03 = 02:00 CST = 08:00Z
        Assert.Equal(Utc(11, 4, 5), s[24]);  // HE24 = 23:00 CST = 05:00Z next day
        Assert.Equal([0.0, 10, 20, 30], s.Values[..4].ToArray()); // values stay with their labels
    }

    [Fact]
    public void Parse_NumericHourEnding_SameInstantsAsColonForm()
    {
        var a = GridPriceCsv.Parse(ErcotText.DamDay(Fall2024, colonHours: false), File).Value.Series[0];
        var b = GridPriceCsv.Parse(ErcotText.DamDay(Fall2024, colonHours: true), File).Value.Series[0];
        Assert.Equal(b.StartsUnixSeconds.ToArray(), a.StartsUnixSeconds.ToArray());
    }

    [Fact]
    public void Parse_RealTimeFallBackDay_100QuarterHoursWithSecondHe02At0700Z()
    {
        var r = GridPriceCsv.Parse(ErcotText.RtDay(Fall2024), "rt.csv");

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(GridPriceLayout.ErcotLongFifteenMinute, r.Value.Layout);
        var s = Assert.Single(r.Value.Series);
        Assert.Equal(TimeSpan.FromMinutes(15), s.Interval);
        Assert.Equal(100, s.Count);
        Assert.Equal(Utc(11, 3, 6, 45), s[7]);  // HE02 N, interval 4
        Assert.Equal(Utc(11, 3, 7), s[8]);      // HE02 Y, interval 1
        Assert.True(HashPivot.Engine.Series.InstantAudit.Audit(s.StartsUnixSeconds, s.Interval).IsClean);
    }

    [Fact]
    public void Parse_RealTimeSpringDay_92QuarterHours() =>
        Assert.Equal(92, GridPriceCsv.Parse(ErcotText.RtDay(Spring2024), "rt.csv").Value.Series[0].Count);

    [Fact]
    public void Parse_ApiFieldNames_SameLayout()
    {
        const string text = "deliveryDate,hourEnding,settlementPoint,settlementPointPrice,DSTFlag\n"
            + "2024-11-03,02:00,HB_HOUSTON,25.5,false\n2024-11-03,02:00,HB_HOUSTON,24.5,true\n";

        var s = GridPriceCsv.Parse(text, "api.csv").Value.Series[0];

        Assert.Equal([Utc(11, 3, 6), Utc(11, 3, 7)], [s[0], s[1]]);
        Assert.Equal([25.5, 24.5], s.Values.ToArray());
    }

    [Fact]
    public void Parse_SeveralPoints_OneSeriesEachInFirstSeenOrder()
    {
        const string text = ErcotText.DamHeader + "\n"
            + "01/02/2024,01:00,N,HB_NORTH,1\n01/02/2024,01:00,N,HB_WEST,2\n"
            + "01/02/2024,02:00,N,HB_NORTH,3\n01/02/2024,02:00,N,HB_WEST,4\n";

        var r = GridPriceCsv.Parse(text, File).Value;

        Assert.Equal(["HB_NORTH", "HB_WEST"], r.Series.Select(s => s.Name));
        Assert.Equal([2.0, 4], r.Find("hb_west")!.Values.ToArray());
    }

    [Theory]
    [InlineData("-251.23")]   // negative prices happen (wind at night)
    [InlineData("5000.00")]   // the current offer cap
    [InlineData("9000")]      // Uri's cap in February 2021
    public void Parse_ExtremeButRealPrices_Accepted(string price)
    {
        var r = GridPriceCsv.Parse($"{ErcotText.DamHeader}\n01/02/2024,01:00,N,HB_NORTH,{price}\n", File);
        Assert.True(r.Success);
    }

    [Fact]
    public void Parse_He03OnSpringForwardDay_ErrorAtHourEnding()
    {
        var text = $"{ErcotText.DamHeader}\n03/10/2024,02:00,N,HB_NORTH,1\n03/10/2024,03:00,N,HB_NORTH,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Hour Ending", "hour ending 03 does not exist on 2024-03-10");
    }

    [Fact]
    public void Parse_He03FlaggedYOnSpringForwardDay_ErrorBlamesHourNotFlag()
    {
        var text = $"{ErcotText.DamHeader}\n03/10/2024,03:00,Y,HB_NORTH,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 2, "Hour Ending", "does not exist");
    }

    [Fact]
    public void Parse_RepeatedFlagOnOrdinaryDay_ErrorAtFlag()
    {
        var text = $"{ErcotText.DamHeader}\n03/11/2024,02:00,N,HB_NORTH,1\n03/11/2024,02:00,Y,HB_NORTH,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Repeated Hour Flag", "not a repeated (fall-back) hour");
    }

    [Fact]
    public void Parse_RepeatedFlagOnFallBackDayWrongHour_ErrorAtFlag()
    {
        var text = $"{ErcotText.DamHeader}\n11/03/2024,05:00,Y,HB_NORTH,1\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 2, "Repeated Hour Flag", "hour ending 05 on 2024-11-03 is not a repeated");
    }

    [Fact]
    public void Parse_FallBackSecondHe02WithoutFlag_DuplicateError()
    {
        var text = $"{ErcotText.DamHeader}\n11/03/2024,02:00,N,HB_NORTH,1\n11/03/2024,02:00,N,HB_NORTH,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Hour Ending", "duplicate interval 2024-11-03T06:00Z for 'HB_NORTH', first seen on line 2");
    }

    [Fact]
    public void Parse_OutOfOrderRow_ErrorNamingEarlierLine()
    {
        var text = $"{ErcotText.DamHeader}\n01/02/2024,05:00,N,HB_NORTH,1\n01/02/2024,04:00,N,HB_NORTH,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Hour Ending", "out of order: line 2 already had");
    }

    [Theory]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("Infinity", "is not a finite number")]
    [InlineData("12.3x", "'12.3x' is not a number")]
    [InlineData("", "required value is empty")]
    public void Parse_BadPrice_ErrorAtPriceColumn(string price, string message)
    {
        var text = $"{ErcotText.DamHeader}\n01/02/2024,01:00,N,HB_NORTH,1\n01/02/2024,02:00,N,HB_NORTH,{price}\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Settlement Point Price", message);
    }

    [Theory]
    [InlineData("25:00", "Hour Ending", "is not 1 … 24")]
    [InlineData("01:30", "Hour Ending", "must be a whole hour")]
    public void Parse_BadHourEnding_ErrorAtHourEnding(string he, string column, string message)
    {
        var text = $"{ErcotText.DamHeader}\n01/02/2024,{he},N,HB_NORTH,1\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 2, column, message);
    }

    [Fact]
    public void Parse_BadDateAndFlagOnOneRow_BothReported()
    {
        var text = $"{ErcotText.DamHeader}\n2024-13-45,01:00,X,HB_NORTH,1\n";
        var r = GridPriceCsv.Parse(text, File);

        Assert.Equal(2, r.Problems.Count);
        ProblemAssert.Contains(r, File, 2, "Delivery Date", "'2024-13-45' is not a date");
        ProblemAssert.Contains(r, File, 2, "Repeated Hour Flag", "'X' is not a repeated-hour flag");
    }

    [Fact]
    public void Parse_TruncatedRow_ErrorNamesFirstMissingColumn()
    {
        var text = $"{ErcotText.DamHeader}\n01/02/2024,01:00,N,HB_NORTH,1\n01/02/2024,02:00,N\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "Settlement Point", "expected 5 fields as in the header, found 3 (truncated row: no 'Settlement Point')");
    }

    [Fact]
    public void Parse_EmptySettlementPoint_Error()
    {
        var text = $"{ErcotText.DamHeader}\n01/02/2024,01:00,N, ,1\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 2, "Settlement Point", "settlement point name is empty");
    }

    [Fact]
    public void Parse_MissingSettlementPointColumn_HeaderError()
    {
        const string text = "Delivery Date,Hour Ending,Settlement Point Price\n01/02/2024,01:00,1\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 1, "Settlement Point", "required column is missing");
    }

    [Fact]
    public void Parse_ManyBadRows_AllCountedFirstHundredListed()
    {
        var rows = string.Concat(Enumerable.Range(1, 150).Select(i => $"01/02/2024,01:00,N,P{i},oops\n"));
        var r = GridPriceCsv.Parse(ErcotText.DamHeader + "\n" + rows, File);

        Assert.Equal(100, r.Problems.Count);
        Assert.Equal(150, r.TotalProblemCount);
        Assert.Equal(101, r.Problems[^1].Line); // the 100th bad row, after the header
    }
}
