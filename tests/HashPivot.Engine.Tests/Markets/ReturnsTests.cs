using HashPivot.Engine.Markets;
using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Markets;

public sealed class ReturnsTests
{
    private static TimeSeries Series(params (string Date, double Price)[] rows) => TimeSeries.FromInstants(
        "X", "USD", TimeSpan.FromDays(1),
        [.. rows.Select(r => new DateTimeOffset(DateOnly.Parse(r.Date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))],
        rows.Select(r => r.Price).ToArray());

    [Fact]
    public void YearToDate_FromLastCloseOfPreviousYear_IsPriceRatio()
    {
        // Base = 2025-12-31 close 200 (the last close of 2025); 2026-05-26 close 350 ⇒ 350/200 − 1 = +75 %.
        var s = Series(("2025-12-30", 190), ("2025-12-31", 200), ("2026-01-02", 210), ("2026-05-26", 350));
        var ytd = Returns.YearToDate(s, new DateOnly(2026, 5, 26));

        Assert.Equal(new DateOnly(2025, 12, 31), ytd.FromDate);
        Assert.Equal(0.75, ytd.Simple, 12);
    }

    [Fact]
    public void Day_AfterAHoliday_UsesPreviousClose()
    {
        // 2026-05-25 was Memorial Day (no close): the 26 May return runs from the 22 May close, 22.82 → 25.18 = +10.3418 %.
        var s = Series(("2026-05-22", 22.82), ("2026-05-26", 25.18));
        var day = Returns.Day(s, new DateOnly(2026, 5, 26));

        Assert.Equal(new DateOnly(2026, 5, 22), day.FromDate);
        Assert.Equal((25.18 / 22.82) - 1, day.Simple, 12);
    }

    [Fact]
    public void Day_NoCloseOnDate_Throws()
    {
        var s = Series(("2026-05-22", 22.82), ("2026-05-26", 25.18));
        Assert.Throws<ArgumentException>(() => Returns.Day(s, new DateOnly(2026, 5, 25)));
    }
}
