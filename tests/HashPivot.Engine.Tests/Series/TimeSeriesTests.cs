using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

public class TimeSeriesTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Constructor_ValidInput_ExposesInstantsValuesAndExtent()
    {
        var s = SeriesBuilder.Regular(Hour, 1, 2, 3);

        Assert.Equal(3, s.Count);
        Assert.Equal(SeriesBuilder.Jan1, s.Start);
        Assert.Equal(SeriesBuilder.Jan1.AddHours(2), s[2]);
        Assert.Equal(SeriesBuilder.Jan1.AddHours(3), s.End);
        Assert.Equal(TimeSpan.Zero, s[1].Offset);
        Assert.Equal([1.0, 2, 3], s.Values.ToArray());
        Assert.Equal(3600, s.IntervalSeconds);
    }

    [Fact]
    public void Constructor_NonIncreasingInstants_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TimeSeries("x", "u", Hour, [0, 3600, 3600], [1, 2, 3]));
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => new TimeSeries("x", "u", Hour, [0, 3600], [1]));

    [Theory]
    [InlineData(0)]
    [InlineData(-3600)]
    public void Constructor_NonPositiveInterval_Throws(int seconds) =>
        Assert.Throws<ArgumentException>(() => new TimeSeries("x", "u", TimeSpan.FromSeconds(seconds), [0], [1]));

    [Fact]
    public void Constructor_SubSecondInterval_Throws() =>
        Assert.Throws<ArgumentException>(() => new TimeSeries("x", "u", TimeSpan.FromMilliseconds(1500), [0], [1]));

    [Fact]
    public void Constructor_CallerMutatesArray_SeriesUnchanged()
    {
        double[] values = [1, 2];
        var s = new TimeSeries("x", "u", Hour, [0, 3600], values);
        values[0] = 99;
        Assert.Equal(1, s.Values[0]);
    }

    [Fact]
    public void FromInstants_NonUtcOffset_Throws()
    {
        var local = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-6));
        Assert.Throws<ArgumentException>(() => TimeSeries.FromInstants("x", "u", Hour, [local], [1]));
    }

    [Fact]
    public void Start_EmptySeries_ThrowsInvalidOperation()
    {
        var s = new TimeSeries("x", "u", Hour, [], []);
        Assert.Throws<InvalidOperationException>(() => s.Start);
    }
}
