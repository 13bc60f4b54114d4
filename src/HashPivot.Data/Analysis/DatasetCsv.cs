using HashPivot.Data.Csv.Chain;
using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Store;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>A CSV file or upload read as the series of a dataset of a given kind (layout detected from the header); bad rows throw <see cref="Validation.InputException"/> with every problem.</summary>
public static class DatasetCsv
{
    /// <summary>The series of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<TimeSeries> ParseFile(string path, DatasetKind kind) => kind switch
    {
        DatasetKind.Grid or DatasetKind.Synthetic => GridPriceCsv.ParseFile(path).ValueOrThrow().Series,
        DatasetKind.Chain => ChainSeries(ChainHistoryCsv.ParseFile(path).ValueOrThrow()),
        DatasetKind.Equity => EquityPriceCsv.ParseFile(path).ValueOrThrow().Series,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown dataset kind"),
    };

    /// <summary>The series of CSV <paramref name="text"/>; problems name <paramref name="file"/>.</summary>
    public static IReadOnlyList<TimeSeries> Parse(string text, string file, DatasetKind kind) => kind switch
    {
        DatasetKind.Grid or DatasetKind.Synthetic => GridPriceCsv.Parse(text, file).ValueOrThrow().Series,
        DatasetKind.Chain => ChainSeries(ChainHistoryCsv.Parse(text, file).ValueOrThrow()),
        DatasetKind.Equity => EquityPriceCsv.Parse(text, file).ValueOrThrow().Series,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown dataset kind"),
    };

    /// <summary>The series a chain history holds (price, difficulty, hashrate, fees, blocks, issuance), those present.</summary>
    public static IReadOnlyList<TimeSeries> ChainSeries(ChainHistory chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return new[] { chain.PriceUsdPerBtc, chain.Difficulty, chain.HashrateThs, chain.FeesBtcPerDay, chain.BlocksPerDay, chain.IssuanceBtcPerDay }
            .OfType<TimeSeries>().ToList();
    }
}
