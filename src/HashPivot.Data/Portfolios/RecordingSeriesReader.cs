using HashPivot.Data.Csv.Grid;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Portfolios;

/// <summary>Reads a portfolio's price series (USD/MWh), from files as the CLI does or through a given reader (the server's datasets), and keeps each one with its timestamps, in the order the loader asked for them.</summary>
/// <remarks>A site's <c>PowerPrice</c> keeps values only; the report's dispatch and the valuation's power months need the interval starts too, so they are kept here rather than read twice.</remarks>
public sealed class RecordingSeriesReader(Func<string, string?, TimeSeries>? read = null, IPriceSeriesReader? resolver = null) : IPriceSeriesReader
{
    private readonly List<TimeSeries> _read = [];

    /// <summary>The series read so far, in order: the loader reads one per series-priced site, in site order.</summary>
    public IReadOnlyList<TimeSeries> Read => _read;

    /// <inheritdoc />
    public IReadOnlyList<double> ReadPrices(string path, string? column)
    {
        var series = read is null ? GridPriceCsv.ParseFile(path).ValueOrThrow().Select(path, column, "column") : read(path, column);
        _read.Add(series);
        return series.Values.ToArray();
    }

    /// <inheritdoc />
    public (string? Resolved, string Problem) Resolve(string series, string baseDirectory) =>
        resolver is null ? ((IPriceSeriesReader)new GridPriceSeriesReader()).Resolve(series, baseDirectory) : resolver.Resolve(series, baseDirectory);
}
