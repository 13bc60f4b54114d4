using HashPivot.Data.Csv;

namespace HashPivot.Data.Tests.Csv;

public class CsvValuesTests
{
    [Theory]
    [InlineData("2024-11-03T07:00:00Z", "2024-11-03T07:00:00Z")]       // canonical fast path
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z")]       // leap day, fast path
    [InlineData("1969-12-31T23:00:00Z", "1969-12-31T23:00:00Z")]       // before the epoch
    [InlineData("2024-11-03T01:00:00-06:00", "2024-11-03T07:00:00Z")]  // offset, general parser
    [InlineData("2024-11-03T07:00Z", "2024-11-03T07:00:00Z")]          // no seconds
    public void TryParseInstant_WithOffset_UtcUnixSeconds(string cell, string expectedUtc)
    {
        Assert.True(CsvValues.TryParseInstant(cell, out var seconds, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), seconds);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z", "is not an ISO-8601 timestamp")]  // not a leap year: fast path must refuse and fall through
    [InlineData("2024-01-01T24:00:00Z", "is not an ISO-8601 timestamp")]
    [InlineData("2024-01-01T00:00:00", "has no UTC offset")]
    [InlineData("2024-01-01", "has no UTC offset")]
    [InlineData("2024-01-01T00:00:00.5Z", "fractions of a second")]
    [InlineData("", "required timestamp is empty")]
    public void TryParseInstant_Invalid_Reason(string cell, string reason)
    {
        Assert.False(CsvValues.TryParseInstant(cell, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-31.90", -31.9)]
    [InlineData(" 9000 ", 9000)]
    [InlineData("1.038803e+11", 1.038803e11)]
    public void TryParseDouble_Valid_Value(string cell, double expected)
    {
        Assert.True(CsvValues.TryParseDouble(cell, out var v, out _));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("2024-03-10")]
    [InlineData("03/10/2024")]
    [InlineData("3/10/2024")]
    public void TryParseDate_IsoOrErcot_SameDate(string cell)
    {
        Assert.True(CsvValues.TryParseDate(cell, out var d, out _));
        Assert.Equal(new DateOnly(2024, 3, 10), d);
    }
}
