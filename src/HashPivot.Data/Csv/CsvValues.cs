using System.Globalization;

namespace HashPivot.Data.Csv;

/// <summary>Parsing of single CSV cells (numbers, dates, UTC instants) that returns a reason instead of throwing.</summary>
internal static class CsvValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy"];

    /// <summary>A finite number in invariant culture; NaN and infinities are refused because no market publishes them as prices.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> cell, out double value, out string? error)
    {
        var s = cell.Trim();
        if (s.IsEmpty)
        {
            value = 0;
            error = "required value is empty";
            return false;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{Clip(s)}' is not a number";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"'{Clip(s)}' is not a finite number";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>A calendar date as <c>yyyy-MM-dd</c> (ISO) or <c>MM/dd/yyyy</c> (ERCOT downloads).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> cell, out DateOnly date, out string? error)
    {
        var s = cell.Trim();
        if (s.IsEmpty)
        {
            date = default;
            error = "required date is empty";
            return false;
        }

        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = null;
            return true;
        }

        error = $"'{Clip(s)}' is not a date (expected yyyy-MM-dd or MM/dd/yyyy)";
        return false;
    }

    /// <summary>An ISO-8601 timestamp that states its offset (<c>Z</c> or <c>±hh:mm</c>), as whole Unix seconds (UTC).</summary>
    /// <remarks>A timestamp without an offset is refused: guessing its zone is how DST hours get lost.</remarks>
    public static bool TryParseInstant(ReadOnlySpan<char> cell, out long unixSeconds, out string? error)
    {
        var s = cell.Trim();
        unixSeconds = 0;
        if (s.IsEmpty)
        {
            error = "required timestamp is empty";
            return false;
        }

        // Fast path for the canonical form every shared-data file uses; the general parser costs about ten times more.
        if (TryParseCanonicalUtc(s, out unixSeconds))
        {
            error = null;
            return true;
        }

        if (!HasOffset(s))
        {
            error = $"'{Clip(s)}' has no UTC offset (expected e.g. 2024-01-01T06:00:00Z or 2024-01-01T00:00:00-06:00)";
            return false;
        }

        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            error = $"'{Clip(s)}' is not an ISO-8601 timestamp";
            return false;
        }

        if (instant.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            error = $"'{Clip(s)}' has fractions of a second, which market intervals never have";
            return false;
        }

        unixSeconds = instant.ToUnixTimeSeconds();
        error = null;
        return true;
    }

    // Exactly yyyy-MM-ddTHH:mm:ssZ with a valid date and time; anything else goes to the general parser.
    private static bool TryParseCanonicalUtc(ReadOnlySpan<char> s, out long unixSeconds)
    {
        unixSeconds = 0;
        if (s.Length != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        unixSeconds = (new DateOnly(year, month, day).DayNumber - UnixEpochDay) * 86_400L + (hour * 3600) + (minute * 60) + second;
        return true;
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    // 'Z' or a trailing ±hh:mm / ±hhmm / ±hh after the time part (position > 10 skips the date's hyphens).
    private static bool HasOffset(ReadOnlySpan<char> s)
    {
        if (s[^1] is 'Z' or 'z')
        {
            return true;
        }

        var sign = s.LastIndexOfAny('+', '-');
        return sign > 10 && s.Length - sign is 3 or 5 or 6;
    }

    /// <summary>A cell shortened for messages, so a mangled line does not flood the output.</summary>
    public static string Clip(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "…");
}
