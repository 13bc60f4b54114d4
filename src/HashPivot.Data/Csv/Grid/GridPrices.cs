using HashPivot.Engine.Series;

namespace HashPivot.Data.Csv.Grid;

/// <summary>The layouts of grid price files that <see cref="GridPriceCsv"/> recognises from the header.</summary>
public enum GridPriceLayout
{
    /// <summary>ERCOT day-ahead, long: delivery date, hour ending, repeated-hour flag, settlement point, price (hourly).</summary>
    ErcotLongHourly,

    /// <summary>ERCOT real-time, long: delivery date, delivery hour, delivery interval, repeated-hour flag, settlement point, price (15-minute).</summary>
    ErcotLongFifteenMinute,

    /// <summary>A UTC interval-start column and one price column per settlement point or zone.</summary>
    Wide,

    /// <summary>Two columns: <c>timestamp</c> (ISO-8601 with offset) and <c>value</c>.</summary>
    TimestampValue,
}

/// <summary>Grid prices parsed from one file: one UTC <see cref="TimeSeries"/> per settlement point, in USD/MWh.</summary>
public sealed record GridPrices(GridPriceLayout Layout, IReadOnlyList<TimeSeries> Series)
{
    /// <summary>The unit of every grid price series.</summary>
    public const string Unit = "USD/MWh";

    /// <summary>The series named <paramref name="name"/> (case-insensitive), or null.</summary>
    public TimeSeries? Find(string name) => Series.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The one series a caller asked for: <paramref name="column"/> when given, else the file's only series. Throws an
    /// <see cref="Validation.InputException"/> naming <paramref name="file"/> and the <paramref name="option"/> the user sets
    /// (<c>column</c> in YAML, <c>--column</c> on the command line) and listing the columns there are.
    /// </summary>
    public TimeSeries Select(string file, string? column, string option)
    {
        var names = string.Join(", ", Series.Select(s => s.Name));
        var series = column is null
            ? (Series.Count == 1 ? Series[0] : throw Problem(1, option, $"the file has {Series.Count} price columns; pick one with {option}: {names}"))
            : Find(column) ?? throw Problem(1, option, $"no price column '{column}'; the file has: {names}");
        return series.Count > 0 ? series : throw Problem(0, option, "the series has no values");

        Validation.InputException Problem(int line, string field, string message) => new(new Validation.InputProblem(file, line, 0, field, message));
    }
}
