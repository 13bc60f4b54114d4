using HashPivot.Engine.Bitcoin;

namespace HashPivot.Engine.Tests.Bitcoin;

public sealed class HalvingCalendarTests
{
    private static readonly DateTimeOffset June2025 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    // Heights 210,000 · n and the subsidy after each (domain.md §1.2 halving table).
    [Theory]
    [InlineData(1, 210_000L, 2_500_000_000L)]
    [InlineData(2, 420_000L, 1_250_000_000L)]
    [InlineData(3, 630_000L, 625_000_000L)]
    [InlineData(4, 840_000L, 312_500_000L)]
    [InlineData(5, 1_050_000L, 156_250_000L)]
    [InlineData(8, 1_680_000L, 19_531_250L)] // 5e9 >> 8 = 19,531,250 sat
    public void Build_Default_ListsHalvingHeightsAndSubsidies(int number, long height, long subsidySatoshis)
    {
        var calendar = HalvingCalendar.Build(900_000, June2025, TenMinutes);
        Assert.Equal(8, calendar.Count);
        var halving = calendar[number - 1];
        Assert.Equal(number, halving.Number);
        Assert.Equal(height, halving.Height);
        Assert.Equal(subsidySatoshis, halving.SubsidyAfter.Satoshis);
    }

    [Fact]
    public void Build_PastHalvings_HaveNoDate()
    {
        var calendar = HalvingCalendar.Build(900_000, June2025, TenMinutes);
        Assert.All(calendar.Take(4), h => Assert.Null(h.DateUtc));
        Assert.All(calendar.Skip(4), h => Assert.NotNull(h.DateUtc));
    }

    [Fact]
    public void Build_FifthHalvingFromHeight900k_IsAbout1041DaysLater()
    {
        // (1,050,000 − 900,000) × 10 min = 1,500,000 min = 1,041.67 days after 2025-06-01 00:00 UTC
        // ⇒ 2028-04-07 16:00 UTC, inside domain.md §1.2's "est. ~Mar–Apr 2028" for the 5th halving.
        var fifth = HalvingCalendar.Build(900_000, June2025, TenMinutes)[4];
        Assert.Equal(new DateTimeOffset(2028, 4, 7, 16, 0, 0, TimeSpan.Zero), fifth.DateUtc);
        Assert.Equal(1_041.6667, (fifth.DateUtc!.Value - June2025).TotalDays, 1e-3);
    }

    [Fact]
    public void Build_NowWithOffset_ReturnsUtcDates()
    {
        // 2025-06-01 02:00 +02:00 is the same instant as 00:00 UTC; the estimate must be that instant in UTC.
        var local = new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.FromHours(2));
        var fifth = HalvingCalendar.Build(900_000, local, TenMinutes)[4];
        Assert.Equal(TimeSpan.Zero, fifth.DateUtc!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2028, 4, 7, 16, 0, 0, TimeSpan.Zero), fifth.DateUtc);
    }

    [Fact]
    public void Build_CountAboveSixtyFour_IsClamped()
    {
        var calendar = HalvingCalendar.Build(0, June2025, TenMinutes, count: 100);
        Assert.Equal(64, calendar.Count);
        Assert.Equal(13_440_000L, calendar[^1].Height);
        Assert.Equal(0L, calendar[^1].SubsidyAfter.Satoshis);
    }

    [Theory]
    [InlineData(-1L, 10.0, 8)]
    [InlineData(0L, 0.0, 8)]
    [InlineData(0L, -10.0, 8)]
    [InlineData(0L, 10.0, 0)]
    public void Build_InvalidArguments_Throws(long height, double blockMinutes, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => HalvingCalendar.Build(height, June2025, TimeSpan.FromMinutes(blockMinutes), count));
    }

    [Theory]
    [InlineData(900_000L, 5, 1_050_000L)]
    [InlineData(0L, 1, 210_000L)]
    [InlineData(209_999L, 1, 210_000L)]
    [InlineData(210_000L, 2, 420_000L)] // at the halving block itself, that halving is past
    [InlineData(13_439_999L, 64, 13_440_000L)]
    public void Next_Height_ReturnsFollowingHalving(long height, int expectedNumber, long expectedHeight)
    {
        var next = HalvingCalendar.Next(height, June2025, TenMinutes);
        Assert.Equal(expectedNumber, next.Number);
        Assert.Equal(expectedHeight, next.Height);
        Assert.True(next.Height > height);
        Assert.NotNull(next.DateUtc);
    }

    [Fact]
    public void Next_FromHeight900k_DatedAsFifthHalving()
    {
        var next = HalvingCalendar.Next(900_000, June2025, TenMinutes);
        Assert.Equal(new DateTimeOffset(2028, 4, 7, 16, 0, 0, TimeSpan.Zero), next.DateUtc);
    }

    [Theory]
    [InlineData(13_440_000L)]
    [InlineData(20_000_000L)]
    public void Next_AfterLastHalving_Throws(long height)
    {
        // After the 64th halving (height 13,440,000) the subsidy is zero for ever: there is no next halving.
        Assert.Throws<ArgumentOutOfRangeException>(() => HalvingCalendar.Next(height, June2025, TenMinutes));
    }
}
