using HashPivot.Data.Portfolios;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Reads a site's interval power prices (USD/MWh) from any grid price layout <see cref="GridPriceCsv"/> recognises.</summary>
public sealed class GridPriceSeriesReader : IPriceSeriesReader
{
    /// <inheritdoc />
    public IReadOnlyList<double> ReadPrices(string path, string? column) =>
        GridPriceCsv.ParseFile(path).ValueOrThrow().Select(path, column, "column").Values.ToArray();
}
