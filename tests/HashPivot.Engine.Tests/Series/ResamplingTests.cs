using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

public class ResamplingTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    [Fact]
    public void ToHourlyMean_TwoCompleteHours_MeansPerHour()
    {
        var s = SeriesBuilder.Regular(Quarter, 1, 2, 3, 4, 10, 20, 30, 40);

        var r = Resampling.ToHourlyMean(s);

        Assert.Equal([2.5, 25.0], r.Series.Values.ToArray());
        Assert.Equal(TimeSpan.FromHours(1), r.Series.Interval);
        Assert.Equal(SeriesBuilder.Jan1.AddHours(1), r.Series[1]);
        Assert.Empty(r.IncompleteBuckets);
    }

    [Fact]
    public void ToHourlyMean_PartialHour_LeftOutAndReported()
    {
        // Starts at 00:15, so the 00:00 hour has three of four quarters.
        var s = SeriesBuilder.Regular(SeriesBuilder.Jan1.AddMinutes(15), Quarter, 1, 2, 3, 10, 20, 30, 40);

        var r = Resampling.ToHourlyMean(s);

        Assert.Equal([25.0], r.Series.Values.ToArray());
        Assert.Equal(SeriesBuilder.Jan1.AddHours(1), r.Series.Start);
        var bucket = Assert.Single(r.IncompleteBuckets);
        Assert.Equal(SeriesBuilder.Jan1, bucket.Start);
        Assert.Equal(3, bucket.ValuesPresent);
        Assert.Equal(4, bucket.ValuesExpected);
    }

    [Fact]
    public void ToDailyMean_HoursFromUtcMidday_BucketsByUtcDay()
    {
        var hourly = Enumerable.Range(0, 48).Select(i => (double)i).ToArray();
        var s = SeriesBuilder.Regular(SeriesBuilder.Jan1.AddHours(12), TimeSpan.FromHours(1), hourly);

        var r = Resampling.ToDailyMean(s);

        // Jan 1 has only 12 hours (12..23), Jan 2 is complete (values 12..35, mean 23.5), Jan 3 has 12.
        Assert.Equal([23.5], r.Series.Values.ToArray());
        Assert.Equal(SeriesBuilder.Jan1.AddDays(1), r.Series.Start);
        Assert.Equal(2, r.IncompleteBuckets.Count);
    }

    [Fact]
    public void Resample_TargetNotMultipleOfInterval_Throws()
    {
        var s = SeriesBuilder.Regular(TimeSpan.FromMinutes(40), 1, 2);
        Assert.Throws<ArgumentException>(() => Resampling.Resample(s, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Resample_TargetShorterThanInterval_Throws()
    {
        var s = SeriesBuilder.Regular(TimeSpan.FromHours(1), 1, 2);
        Assert.Throws<ArgumentException>(() => Resampling.Resample(s, Quarter));
    }

    [Fact]
    public void Resample_KeepsNameAndUnit()
    {
        var s = SeriesBuilder.Regular(Quarter, 1, 2, 3, 4);
        var r = Resampling.ToHourlyMean(s).Series;
        Assert.Equal(("test", "USD/MWh"), (r.Name, r.Unit));
    }
}
