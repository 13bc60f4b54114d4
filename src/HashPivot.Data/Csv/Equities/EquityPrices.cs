using HashPivot.Engine.Series;

namespace HashPivot.Data.Csv.Equities;

/// <summary>Daily equity or index prices parsed from one file: one <see cref="TimeSeries"/> per ticker (adjusted close, else close; unit as given to the parser, USD by default) at 00:00 UTC of each trading date.</summary>
public sealed record EquityPrices(IReadOnlyList<TimeSeries> Series)
{
    /// <summary>The series of <paramref name="ticker"/> (case-insensitive), or null.</summary>
    public TimeSeries? Find(string ticker) => Series.FirstOrDefault(s => string.Equals(s.Name, ticker, StringComparison.OrdinalIgnoreCase));
}
