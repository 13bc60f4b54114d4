using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Tests.TestSupport;

namespace HashPivot.Data.Tests.Csv.Grid;

public class GridPriceCsvTests
{
    private const string File = "wide.csv";

    [Fact]
    public void Parse_WideWithIntervalEnd_OneSeriesPerPriceColumnMetadataIgnored()
    {
        const string text = "interval_start_utc,interval_end_utc,interval_start_local,local_date,hour_number,HB_NORTH,HB_WEST\n"
            + "2024-01-01T06:00:00Z,2024-01-01T06:15:00Z,2024-01-01T00:00:00-06:00,2024-01-01,1,12.5,-3\n"
            + "2024-01-01T06:15:00Z,2024-01-01T06:30:00Z,2024-01-01T00:15:00-06:00,2024-01-01,1,13.5,-4\n";

        var r = GridPriceCsv.Parse(text, File);

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(GridPriceLayout.Wide, r.Value.Layout);
        Assert.Equal(["HB_NORTH", "HB_WEST"], r.Value.Series.Select(s => s.Name));
        var west = r.Value.Find("HB_WEST")!;
        Assert.Equal(TimeSpan.FromMinutes(15), west.Interval);
        Assert.Equal([-3.0, -4], west.Values.ToArray());
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 6, 15, 0, TimeSpan.Zero), west[1]);
        Assert.Equal(GridPrices.Unit, west.Unit);
    }

    [Fact]
    public void Parse_HourStartUtcWithGaps_HourlyEvenWhenStepsVary()
    {
        const string text = "hour_start_utc,hour_start_local,NP15_LMP,n_15min_intervals\n"
            + "2023-01-01T08:00:00Z,2023-01-01T00:00:00-08:00,1,4\n2023-01-01T11:00:00Z,2023-01-01T03:00:00-08:00,2,4\n";

        var s = GridPriceCsv.Parse(text, "caiso.csv").Value.Series.Single();

        Assert.Equal("NP15_LMP", s.Name);
        Assert.Equal(TimeSpan.FromHours(1), s.Interval);
    }

    [Fact]
    public void Parse_WideWithoutEndColumn_IntervalIsMostCommonStep()
    {
        const string text = "interval_start_utc,HB_NORTH\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01T05:00:00Z,3\n2024-01-01T06:00:00Z,4\n";
        Assert.Equal(TimeSpan.FromHours(1), GridPriceCsv.Parse(text, File).Value.Series[0].Interval);
    }

    [Fact]
    public void Parse_WideTimestampWithoutOffset_ErrorAtTimeColumn()
    {
        const string text = "interval_start_utc,HB_NORTH\n2024-01-01T00:00:00Z,1\n2024-01-01 01:00:00,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "interval_start_utc", "has no UTC offset");
    }

    [Fact]
    public void Parse_WideIntervalLengthChanges_ErrorAtEndColumn()
    {
        const string text = "interval_start_utc,interval_end_utc,HB_NORTH\n"
            + "2024-01-01T00:00:00Z,2024-01-01T00:15:00Z,1\n2024-01-01T00:15:00Z,2024-01-01T01:15:00Z,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 3, "interval_end_utc", "interval is 60 min, but line 2 set it to 15 min");
    }

    [Fact]
    public void Parse_WideDuplicateTimestamp_ErrorNamingFirstLine()
    {
        const string text = "interval_start_utc,HB_NORTH\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01T01:00:00Z,3\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 4, "interval_start_utc", "duplicate interval 2024-01-01T01:00Z for 'interval_start_utc', first seen on line 3");
    }

    [Fact]
    public void Parse_WideTextInPriceColumn_ErrorAtThatColumn()
    {
        const string text = "interval_start_utc,HB_NORTH,HB_WEST\n2024-01-01T00:00:00Z,1,n/a\n2024-01-01T01:00:00Z,2,3\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 2, "HB_WEST", "'n/a' is not a number");
    }

    [Fact]
    public void Parse_WideSingleRowNoEndColumn_CannotInferInterval()
    {
        const string text = "interval_start_utc,HB_NORTH\n2024-01-01T00:00:00Z,1\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, File), File, 0, "interval_start_utc", "cannot infer the interval");
    }

    [Fact]
    public void Parse_TimestampValueWithOffsets_UtcSeriesNamedAfterFile()
    {
        const string text = "timestamp,value\n2024-11-03T01:00:00-05:00,10\n2024-11-03T01:00:00-06:00,20\n2024-11-03T08:00:00Z,30\n";

        var r = GridPriceCsv.Parse(text, "data/site_a.csv");

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var s = Assert.Single(r.Value.Series);
        Assert.Equal("site_a", s.Name);
        Assert.Equal(GridPriceLayout.TimestampValue, r.Value.Layout);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 6, 0, 0, TimeSpan.Zero), s[0]);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 7, 0, 0, TimeSpan.Zero), s[1]);
        Assert.Equal(TimeSpan.FromHours(1), s.Interval);
    }

    [Fact]
    public void Parse_TimestampValueOutOfOrder_Error()
    {
        const string text = "timestamp,value\n2024-01-01T02:00:00Z,1\n2024-01-01T01:00:00Z,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, "tv.csv"), "tv.csv", 3, "timestamp", "out of order: line 2 already had 2024-01-01T02:00Z");
    }

    [Fact]
    public void Parse_UnknownHeader_LayoutErrorOnLine1()
    {
        ProblemAssert.Single(GridPriceCsv.Parse("when,price\n2024,1\n", File), File, 1, null, "unrecognised grid price layout");
    }

    [Fact]
    public void Parse_EmptyText_ErrorOnLine0()
    {
        ProblemAssert.Single(GridPriceCsv.Parse("", File), File, 0, null, "the file is empty");
    }

    [Fact]
    public void ParseFile_MissingFile_ProblemNotException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hashpivot-missing-{Guid.NewGuid():N}.csv");
        ProblemAssert.Single(GridPriceCsv.ParseFile(path), path, 0, null, "cannot read the file");
    }

    [Fact]
    public void Parse_UnclosedQuote_LocatedError()
    {
        const string text = "timestamp,value\n2024-01-01T00:00:00Z,1\n\"2024-01-01T01:00:00Z,2\n";
        ProblemAssert.Single(GridPriceCsv.Parse(text, "q.csv"), "q.csv", 3, null, "not closed");
    }
}
