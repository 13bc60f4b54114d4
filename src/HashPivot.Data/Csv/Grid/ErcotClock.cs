using System.Globalization;
using NodaTime;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Converts ERCOT's Central Prevailing Time labels (delivery date, hour ending, repeated-hour flag) to UTC interval starts with NodaTime's America/Chicago zone.</summary>
/// <remarks>
/// Hour ending h covers local [h−1, h). On the fall-back day local 01:00–02:00 happens twice and ERCOT labels both
/// HE02: flag N is the first (CDT, UTC−5), Y the second (CST, UTC−6). On the spring-forward day local 02:00–03:00
/// does not exist, so HE03 must not appear. Anything else is a located error, never a guess.
/// </remarks>
internal static class ErcotClock
{
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];

    /// <summary>The UTC start (Unix seconds) of the interval starting <paramref name="minutesIntoHour"/> into hour ending <paramref name="hourEnding"/>.</summary>
    /// <remarks>On failure <paramref name="flagIsWrong"/> says whether the flag is at fault (set on an hour that is not repeated) rather than the hour (which does not exist).</remarks>
    public static bool TryToUtc(DateOnly date, int hourEnding, int minutesIntoHour, bool repeated, out long unixSeconds, out string? error, out bool flagIsWrong)
    {
        flagIsWrong = false;
        var local = new LocalDate(date.Year, date.Month, date.Day).At(new LocalTime(hourEnding - 1, minutesIntoHour));
        var mapping = Central.MapLocal(local);
        unixSeconds = 0;
        switch (mapping.Count)
        {
            case 0:
                error = string.Create(CultureInfo.InvariantCulture,
                    $"hour ending {hourEnding:00} does not exist on {date:yyyy-MM-dd}: clocks in America/Chicago spring forward from 02:00 to 03:00");
                return false;
            case 1 when repeated:
                flagIsWrong = true;
                error = string.Create(CultureInfo.InvariantCulture,
                    $"the repeated-hour flag is set, but hour ending {hourEnding:00} on {date:yyyy-MM-dd} is not a repeated (fall-back) hour");
                return false;
            default:
                var zoned = repeated ? mapping.Last() : mapping.First();
                unixSeconds = zoned.ToInstant().ToUnixTimeSeconds();
                error = null;
                return true;
        }
    }

    /// <summary>Hour ending as <c>1</c>…<c>24</c> or <c>01:00</c>…<c>24:00</c>.</summary>
    public static bool TryParseHourEnding(ReadOnlySpan<char> cell, out int hour, out string? error)
    {
        var s = cell.Trim();
        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            if (!s[(colon + 1)..].SequenceEqual("00"))
            {
                hour = 0;
                error = $"hour ending '{CsvValues.Clip(s)}' must be a whole hour (01:00 … 24:00)";
                return false;
            }

            s = s[..colon];
        }

        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && hour is >= 1 and <= 24)
        {
            error = null;
            return true;
        }

        error = $"hour ending '{CsvValues.Clip(cell.Trim())}' is not 1 … 24 or 01:00 … 24:00";
        return false;
    }

    /// <summary>Delivery interval within the hour, 1 … 4 (15 minutes each).</summary>
    public static bool TryParseQuarter(ReadOnlySpan<char> cell, out int quarter, out string? error)
    {
        if (int.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out quarter) && quarter is >= 1 and <= 4)
        {
            error = null;
            return true;
        }

        error = $"delivery interval '{CsvValues.Clip(cell.Trim())}' is not 1 … 4";
        return false;
    }

    /// <summary>The repeated-hour flag: <c>N</c>/<c>Y</c> in downloads, <c>false</c>/<c>true</c> as the API's DSTFlag.</summary>
    public static bool TryParseFlag(ReadOnlySpan<char> cell, out bool repeated, out string? error)
    {
        var s = cell.Trim();
        if (s.Equals("N", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            repeated = false;
            error = null;
            return true;
        }

        if (s.Equals("Y", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            repeated = true;
            error = null;
            return true;
        }

        repeated = false;
        error = s.IsEmpty ? "required flag is empty (expected N or Y)" : $"'{CsvValues.Clip(s)}' is not a repeated-hour flag (expected N or Y)";
        return false;
    }
}
