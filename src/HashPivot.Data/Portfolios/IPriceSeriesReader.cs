namespace HashPivot.Data.Portfolios;

/// <summary>Reads interval power prices (USD/MWh) for a site whose price follows a series file.</summary>
public interface IPriceSeriesReader
{
    /// <summary>Reads the prices of one column of a series file; throws <see cref="Validation.InputException"/> naming file, line and column on bad data.</summary>
    IReadOnlyList<double> ReadPrices(string path, string? column);
}
