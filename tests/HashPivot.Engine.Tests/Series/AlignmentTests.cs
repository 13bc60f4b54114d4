using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

public class AlignmentTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void InnerJoin_OverlappingSeriesWithHoles_KeepsOnlyCommonInstants()
    {
        var a = new TimeSeries("a", "USD/MWh", Hour, [0, 3600, 7200, 10800], [1, 2, 3, 4]);
        var b = new TimeSeries("b", "USD/BTC", Hour, [3600, 10800, 14400], [20, 40, 50]);
        var c = new TimeSeries("c", "x", Hour, [0, 3600, 10800], [100, 200, 400]);

        var j = Alignment.InnerJoin(a, b, c);

        Assert.Equal([3600L, 10800], j.StartsUnixSeconds);
        Assert.Equal([2.0, 4], j.Values[0]);
        Assert.Equal([20.0, 40], j.Values[1]);
        Assert.Equal([200.0, 400], j.Values[2]);
        Assert.Equal(["a", "b", "c"], j.Names);
        Assert.Equal("USD/BTC", j.Units[1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(10800), j.InstantAt(1));
    }

    [Fact]
    public void InnerJoin_DisjointSeries_Empty()
    {
        var a = new TimeSeries("a", "u", Hour, [0, 7200], [1, 2]);
        var b = new TimeSeries("b", "u", Hour, [3600, 10800], [1, 2]);
        Assert.Equal(0, Alignment.InnerJoin(a, b).Count);
    }

    [Fact]
    public void InnerJoin_DifferentIntervals_Throws()
    {
        var a = new TimeSeries("a", "u", Hour, [0], [1]);
        var b = new TimeSeries("b", "u", TimeSpan.FromDays(1), [0], [1]);
        Assert.Throws<ArgumentException>(() => Alignment.InnerJoin(a, b));
    }

    [Fact]
    public void InnerJoin_NoSeries_Throws() =>
        Assert.Throws<ArgumentException>(() => Alignment.InnerJoin());
}
