using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Store;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>Daily equity prices from the store: one named equity dataset, or every equity dataset when no name is given (the first dataset holding a ticker wins).</summary>
public static class EquityInputs
{
    /// <summary>The prices of the dataset <paramref name="name"/>, or of every equity dataset in <paramref name="store"/> when it is null; messages name <paramref name="field"/>.</summary>
    /// <exception cref="ArgumentException">No such dataset, or the store holds no equity dataset.</exception>
    public static async Task<EquityPrices> LoadStoredAsync(IHashPivotStore store, string? name, string field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var names = name is not null
            ? [name]
            : (await store.ListDatasetsAsync(cancellationToken).ConfigureAwait(false)).Where(d => d.Info.Kind == DatasetKind.Equity).Select(d => d.Info.Name).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException($"{field} is required: a daily price CSV (e.g. ../shared/data/equities_daily_adjclose_2016_2026.csv, "
                + $"or the synthetic samples/synthetic/equities_daily_2025_2026_synthetic.csv) or a stored equity dataset; {store.Description} holds none.");
        }

        var series = new Dictionary<string, TimeSeries>(StringComparer.OrdinalIgnoreCase);
        foreach (var datasetName in names)
        {
            var dataset = await store.GetDatasetAsync(datasetName, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"{field} '{datasetName}' is not a dataset in {store.Description}.");
            foreach (var seriesName in dataset.SeriesNames)
            {
                // The first dataset that holds a ticker wins; later ones do not silently overwrite it.
                if (!series.ContainsKey(seriesName)
                    && await store.GetSeriesAsync(datasetName, seriesName, cancellationToken: cancellationToken).ConfigureAwait(false) is { } s)
                {
                    series[seriesName] = s;
                }
            }
        }

        return new EquityPrices([.. series.Values]);
    }
}
