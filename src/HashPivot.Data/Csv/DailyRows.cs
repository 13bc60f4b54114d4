using System.Globalization;

namespace HashPivot.Data.Csv;

/// <summary>Checks that dated rows come in strictly increasing order, remembering each date's line so a duplicate or out-of-order row names the line it clashes with.</summary>
internal sealed class DailyRows
{
    private readonly Dictionary<DateOnly, int> _lineOf = [];
    private DateOnly _last = DateOnly.MinValue;
    private int _lastLine;

    /// <summary>True when <paramref name="date"/> continues the order; otherwise reports why against column <paramref name="column"/>.</summary>
    public bool Accept(CsvDocument csv, int column, DateOnly date)
    {
        if (_lineOf.TryGetValue(date, out var firstLine))
        {
            csv.Report(column, string.Create(CultureInfo.InvariantCulture, $"duplicate date {date:yyyy-MM-dd}, first seen on line {firstLine}"));
            return false;
        }

        _lineOf[date] = csv.Line;
        if (_lastLine > 0 && date < _last)
        {
            csv.Report(column, string.Create(CultureInfo.InvariantCulture, $"date {date:yyyy-MM-dd} is out of order: line {_lastLine} already had {_last:yyyy-MM-dd}"));
            return false;
        }

        _last = date;
        _lastLine = csv.Line;
        return true;
    }

    /// <summary>00:00 UTC of a date as Unix seconds.</summary>
    public static long UtcMidnight(DateOnly date) => (date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400L;
}
