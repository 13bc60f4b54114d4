using HashPivot.Data.Portfolios;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Reads a site's interval power prices (USD/MWh) from any grid price layout <see cref="GridPriceCsv"/> recognises.</summary>
public sealed class GridPriceSeriesReader : IPriceSeriesReader
{
    /// <inheritdoc />
    public IReadOnlyList<double> ReadPrices(string path, string? column)
    {
        var prices = GridPriceCsv.ParseFile(path).ValueOrThrow();
        if (column is null)
        {
            if (prices.Series.Count == 1)
            {
                return prices.Series[0].Values.ToArray();
            }

            throw new InputException(new InputProblem(path, 1, 0, "column",
                $"the file has {prices.Series.Count} price columns; name one with 'column': {string.Join(", ", prices.Series.Select(s => s.Name))}"));
        }

        var series = prices.Find(column) ?? throw new InputException(new InputProblem(path, 1, 0, column,
            $"no such price column; the file has: {string.Join(", ", prices.Series.Select(s => s.Name))}"));
        return series.Values.ToArray();
    }
}
