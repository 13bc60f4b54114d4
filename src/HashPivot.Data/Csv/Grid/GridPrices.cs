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
}
