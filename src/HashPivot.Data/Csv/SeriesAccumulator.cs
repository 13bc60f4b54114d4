using System.Globalization;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Csv;

/// <summary>Collects one named series row by row, refusing (and reporting with both line numbers) duplicate and out-of-order instants.</summary>
internal sealed class SeriesAccumulator(string name, int capacity = 1024)
{
    // Accepted instants are strictly increasing, so a clash is found by binary search in the error path
    // only; the parallel line list lets the message name the earlier row.
    private readonly List<long> _starts = new(capacity);
    private readonly List<double> _values = new(capacity);
    private readonly List<int> _lines = new(capacity);

    public string Name { get; } = name;

    /// <summary>True when <paramref name="instant"/> (Unix seconds) is new and later than every earlier one; otherwise reports against <paramref name="column"/>.</summary>
    public bool CheckOrder(CsvDocument csv, int column, long instant)
    {
        if (_starts.Count == 0 || instant > _starts[^1])
        {
            return true;
        }

        var at = _starts.BinarySearch(instant);
        if (at >= 0)
        {
            csv.Report(column, string.Create(CultureInfo.InvariantCulture,
                $"duplicate interval {Format(instant)} for '{Name}', first seen on line {_lines[at]}"));
        }
        else
        {
            csv.Report(column, string.Create(CultureInfo.InvariantCulture,
                $"interval {Format(instant)} for '{Name}' is out of order: line {_lines[^1]} already had {Format(_starts[^1])}"));
        }

        return false;
    }

    /// <summary>Appends a value whose instant passed <see cref="CheckOrder"/>.</summary>
    public void Add(CsvDocument csv, long instant, double value)
    {
        _starts.Add(instant);
        _values.Add(value);
        _lines.Add(csv.Line);
    }

    public int Count => _starts.Count;

    public ReadOnlySpan<long> Starts => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_starts);

    public TimeSeries ToSeries(string unit, TimeSpan interval) => new(
        Name,
        unit,
        interval,
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_starts),
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values));

    /// <summary>A Unix-seconds instant as ISO-8601 UTC for messages.</summary>
    public static string Format(long instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
