namespace HashPivot.Data.Portfolios;

/// <summary>Reads interval power prices (USD/MWh) for a site whose price follows a series (a file by default; the server reads workspace datasets).</summary>
public interface IPriceSeriesReader
{
    /// <summary>Reads the prices of one column of a series; throws <see cref="Validation.InputException"/> naming file, line and column on bad data.</summary>
    IReadOnlyList<double> ReadPrices(string path, string? column);

    /// <summary>
    /// What the portfolio's <c>series</c> text names, as <see cref="ReadPrices"/> takes it, or null with the reason when it names nothing.
    /// The default reads a file path relative to the portfolio's folder.
    /// </summary>
    (string? Resolved, string Problem) Resolve(string series, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(series);
        var full = Path.IsPathRooted(series) ? series : Path.Combine(baseDirectory, series);
        return File.Exists(full) ? (full, "") : (null, $"file not found: {full}");
    }
}
