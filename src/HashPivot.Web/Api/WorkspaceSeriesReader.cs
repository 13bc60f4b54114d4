using HashPivot.Data.Analysis;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Store;

namespace HashPivot.Web.Api;

/// <summary>Resolves a portfolio's <c>series</c> to a dataset of the caller's workspace (never a file on the server) and reads its prices (USD/MWh).</summary>
internal sealed class WorkspaceSeriesReader(IHashPivotStore store) : IPriceSeriesReader
{
    public IReadOnlyList<double> ReadPrices(string path, string? column) =>
        DispatchInputs.ReadStoredPrices(store, path, column, "series", "column").Values.ToArray();

    public (string? Resolved, string Problem) Resolve(string series, string baseDirectory) =>
        store.GetDatasetAsync(series).GetAwaiter().GetResult() is not null
            ? (series, "")
            : (null, $"no dataset named '{series}' in this workspace (upload one with POST /api/v1/datasets)");
}
